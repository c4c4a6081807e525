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
 * Only a SHA-256 of each token is held, in memory: a restart signs every register out. A user's
 * lockout revokes all their tokens ({@link #revokeAll}).
 */
@Service
public class RegisterTokens {

    private final SecureRandom random = new SecureRandom();
    private final ConcurrentMap<String, Issued> byHash = new ConcurrentHashMap<>();
    private final IdentityProperties properties;
    private final Clock clock;

    RegisterTokens(IdentityProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    public Token issue(String username, Collection<? extends GrantedAuthority> authorities) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant expires = clock.instant().plus(properties.tokenTtl());
        byHash.put(hash(token), new Issued(username, List.copyOf(authorities), expires));
        byHash.values().removeIf(i -> i.expiresAt.isBefore(clock.instant()));
        return new Token(token, username, expires);
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
        byHash.values().removeIf(i -> i.username.equals(username));
    }

    private static String hash(String token) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public record Token(String token, String username, Instant expiresAt) {
    }

    public record Issued(String username, List<GrantedAuthority> authorities, Instant expiresAt) {
    }
}
