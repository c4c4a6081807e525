package io.storedesk.pos.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Service;

/**
 * Bearer tokens for registers and scripts: a register signs in once with its user's password
 * (a deliberately slow BCrypt check) and then presents a random token that is cheap to check.
 * Only a SHA-256 of each token is held, in memory: a restart signs every register out.
 * <p>
 * A token issued for a register works only at that register: sales, returns, exchanges, voids
 * and drawer operations at a drawer of another register are refused ({@link
 * CurrentUser#requireRegister}); a token issued for no register may do everything else its
 * role allows (reading, customers, cases), but nothing at a drawer. The pages' own tokens stand
 * for their session and are not bound ({@link #issueForPageSession}). A user's lockout revokes
 * all their tokens ({@link #revokeAll}).
 */
@Service
public class RegisterTokens {

    private final SecureRandom random = new SecureRandom();
    private final ConcurrentMap<String, Issued> byHash = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Instant> revokedAt = new ConcurrentHashMap<>();
    private final IdentityProperties properties;
    private final Clock clock;

    RegisterTokens(IdentityProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    /** A token bound to no register: it may not ring sales or work a drawer. */
    public Token issue(String username, Collection<? extends GrantedAuthority> authorities) {
        return issue(username, authorities, null);
    }

    /** @param registerId the register the token works at, or null for a token that works at none */
    public Token issue(String username, Collection<? extends GrantedAuthority> authorities, String registerId) {
        return issue(username, authorities, registerId, false);
    }

    /**
     * A token that stands for a signed-in page session, for the pages' scripts: like the session
     * itself it is bound to no register and may work any drawer (the pages let the user pick one,
     * as HTTP Basic does). Revoked with the session, and by the user's lockout.
     */
    public Token issueForPageSession(String username, Collection<? extends GrantedAuthority> authorities) {
        return issue(username, authorities, null, true);
    }

    private Token issue(String username, Collection<? extends GrantedAuthority> authorities, String registerId,
            boolean pageSession) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant expires = clock.instant().plus(properties.tokenTtl());
        byHash.put(hash(token), new Issued(username, List.copyOf(authorities), expires, registerId, pageSession));
        byHash.values().removeIf(i -> i.expiresAt.isBefore(clock.instant()));
        return new Token(token, username, expires, registerId);
    }

    /** How long a token lives ({@code pos.identity.token-ttl}). */
    public java.time.Duration ttl() {
        return properties.tokenTtl();
    }

    public Optional<Issued> resolve(String token) {
        Issued issued = byHash.get(hash(token));
        if (issued == null || issued.expiresAt.isBefore(clock.instant())) {
            return Optional.empty();
        }
        return Optional.of(issued);
    }

    public void revoke(String token) {
        byHash.remove(hash(token));
    }

    /** Signs the user out everywhere: every token issued to them stops working now. */
    public void revokeAll(String username) {
        revokedAt.put(username, clock.instant());
        byHash.values().removeIf(i -> i.username.equals(username));
    }

    /** Whether all the user's tokens were revoked ({@link #revokeAll}) at or after {@code since}. */
    public boolean revokedSince(String username, Instant since) {
        Instant revoked = revokedAt.get(username);
        return revoked != null && !revoked.isBefore(since);
    }

    private static String hash(String token) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public record Token(String token, String username, Instant expiresAt, String registerId) {
    }

    /**
     * A live token: whose, with which authorities, until when, at which register (null: none), and
     * whether it stands for a page session (then it is not bound to a register).
     */
    public record Issued(String username, List<GrantedAuthority> authorities, Instant expiresAt, String registerId,
            boolean pageSession) {
    }
}
