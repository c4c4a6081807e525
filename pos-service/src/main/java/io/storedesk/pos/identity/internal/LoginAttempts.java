package io.storedesk.pos.identity.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import io.storedesk.pos.identity.IdentityProperties;
import io.storedesk.pos.journal.Journal;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Failed sign-ins: each is journaled on the store chain (user name, time, remote address, why);
 * after {@code pos.identity.login-max-attempts} wrong passwords in a row a configured user is
 * locked out for {@code pos.identity.login-lockout}, for pages and API alike. A success resets
 * the count. Only configured users are counted, so unknown names cannot grow the table.
 */
@Component
class LoginAttempts {

    private final IdentityProperties properties;
    private final Journal journal;
    private final Clock clock;
    private final ConcurrentMap<String, Failures> failures = new ConcurrentHashMap<>();

    private final TransactionTemplate tx;

    LoginAttempts(IdentityProperties properties, Journal journal, Clock clock, PlatformTransactionManager transactions) {
        this.properties = properties;
        this.journal = journal;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
    }

    private record Failures(int count, Instant lockedUntil) {
    }

    /** When the user is locked out now, until when; else null. */
    Instant lockedUntil(String username) {
        Failures f = failures.get(username);
        return f != null && f.lockedUntil() != null && clock.instant().isBefore(f.lockedUntil()) ? f.lockedUntil() : null;
    }

    @EventListener
    void on(AbstractAuthenticationFailureEvent event) {
        String username = String.valueOf(event.getAuthentication().getPrincipal());
        if (username.length() > 64) {
            username = username.substring(0, 64);
        }
        Instant now = clock.instant();
        Failures counted = null;
        if (properties.users().containsKey(username)) {
            counted = failures.compute(username, (k, old) -> {
                if (old != null && old.lockedUntil() != null && now.isBefore(old.lockedUntil())) {
                    return old;
                }
                int count = old == null || old.lockedUntil() != null ? 1 : old.count() + 1;
                return new Failures(count,
                        count >= properties.loginMaxAttempts() ? now.plus(properties.loginLockout()) : null);
            });
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("username", username);
        payload.put("reason", event.getException().getClass().getSimpleName());
        payload.put("remoteAddress", remoteAddress());
        if (counted != null) {
            payload.put("failuresInARow", counted.count());
            if (counted.lockedUntil() != null) {
                payload.put("lockedUntil", counted.lockedUntil().toString());
            }
        }
        String actor = username;
        tx.executeWithoutResult(s -> journal.append(Journal.STORE_CHAIN, "LOGIN_FAILED", actor, null, payload));
    }

    @EventListener
    void on(AuthenticationSuccessEvent event) {
        failures.remove(event.getAuthentication().getName());
    }

    private static String remoteAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return request.getRemoteAddr();
        }
        return "";
    }
}
