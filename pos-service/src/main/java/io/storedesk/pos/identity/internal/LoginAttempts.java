package io.storedesk.pos.identity.internal;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import io.storedesk.pos.identity.IdentityProperties;
import io.storedesk.pos.identity.RegisterTokens;
import io.storedesk.pos.journal.Journal;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Every password sign-in (HTTP Basic, the login page, a register asking for a token) goes through
 * here. The name given is mapped to its canonical user ({@link UserNames}: {@code ADMIN} is
 * {@code admin}); the password check is booked under that user's {@link Lockouts} lock, with
 * checks in flight counted, so wrong passwords sent in parallel are never checked more often than
 * the limit allows. After {@code pos.identity.login-max-attempts}
 * wrong passwords in a row the user is locked out for {@code pos.identity.login-lockout}, for
 * pages and API alike: no password is checked then, the right one neither, and the lockout
 * revokes every bearer token the user holds. Each failed sign-in is journaled on the store chain
 * (user, the name as given, time, remote address, why). Unknown names are journaled, not tracked.
 */
@Component
class LoginAttempts implements AuthenticationProvider {

    private final UserNames names;
    private final DaoAuthenticationProvider passwords;
    private final Lockouts lockouts;
    private final RegisterTokens tokens;
    private final Journal journal;
    private final TransactionTemplate tx;

    LoginAttempts(IdentityProperties properties, UserNames names, PasswordEncoder encoder, RegisterTokens tokens, Journal journal, Clock clock,
            PlatformTransactionManager transactions) {
        this.names = names;
        this.passwords = new DaoAuthenticationProvider(configuredUsers(properties));
        this.passwords.setPasswordEncoder(encoder);
        this.lockouts = new Lockouts(properties.loginMaxAttempts(), properties.loginLockout(), clock);
        this.tokens = tokens;
        this.journal = journal;
        this.tx = new TransactionTemplate(transactions);
    }

    /** The configured users by their canonical (configured) name; nothing else signs in. */
    private static UserDetailsService configuredUsers(IdentityProperties properties) {
        return name -> {
            IdentityProperties.User user = properties.users().get(name);
            if (user == null) {
                throw new UsernameNotFoundException("unknown user");
            }
            return User.withUsername(name).password(user.password())
                    .authorities(user.roles().stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList())
                    .build();
        };
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    @Override
    public Authentication authenticate(Authentication given) throws AuthenticationException {
        String givenName = String.valueOf(given.getName());
        String user = names.canonical(givenName).orElse(null);
        if (user == null) {
            try {
                return passwords.authenticate(given);
            } catch (AuthenticationException e) {
                journal(givenName, givenName, e, null);
                throw e;
            }
        }
        var canonical = UsernamePasswordAuthenticationToken.unauthenticated(user, given.getCredentials());
        canonical.setDetails(given.getDetails());
        AtomicReference<Authentication> signedIn = new AtomicReference<>();
        Lockouts.Attempt attempt;
        try {
            attempt = lockouts.attempt(user, () -> {
                try {
                    signedIn.set(passwords.authenticate(canonical));
                    return true;
                } catch (BadCredentialsException wrong) {
                    return false;
                }
            });
        } catch (AuthenticationException e) {
            journal(user, givenName, e, null);
            throw e;
        }
        switch (attempt.outcome()) {
            case ACCEPTED:
                return signedIn.get();
            case LOCKED: {
                LockedException locked = new LockedException("User account is locked");
                journal(user, givenName, locked, attempt);
                throw locked;
            }
            default: {
                if (attempt.lockedNow()) {
                    tokens.revokeAll(user);
                }
                BadCredentialsException wrong = new BadCredentialsException("Bad credentials");
                journal(user, givenName, wrong, attempt);
                throw wrong;
            }
        }
    }

    private void journal(String user, String givenName, AuthenticationException why, Lockouts.Attempt attempt) {
        String actor = user.length() > 64 ? user.substring(0, 64) : user;
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("username", actor);
        if (!givenName.equals(user)) {
            payload.put("givenAs", givenName.length() > 64 ? givenName.substring(0, 64) : givenName);
        }
        payload.put("reason", why.getClass().getSimpleName());
        payload.put("remoteAddress", remoteAddress());
        if (attempt != null) {
            payload.put("failuresInARow", attempt.failuresInARow());
            if (attempt.lockedUntil() != null) {
                payload.put("lockedUntil", attempt.lockedUntil().toString());
            }
            if (attempt.lockedNow()) {
                payload.put("tokensRevoked", true);
            }
        }
        tx.executeWithoutResult(s -> journal.append(Journal.STORE_CHAIN, "LOGIN_FAILED", actor, null, payload));
    }

    private static String remoteAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return request.getRemoteAddr();
        }
        return "";
    }
}
