package io.storedesk.pos.identity.internal;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.storedesk.pos.identity.IdentityProperties;
import org.springframework.stereotype.Component;

/**
 * User names are case-insensitive: {@code ADMIN}, {@code Admin} and {@code admin} are one user,
 * known by the name as configured (its canonical name). Names are compared lowercased with
 * {@link Locale#ROOT}, never the default locale (a Turkish {@code I} must not make another user).
 * Everything keyed by a user (lockouts, tokens, approvals, the journal) uses the canonical name.
 * Two configured names that differ only in case are refused at start-up.
 */
@Component
public class UserNames {

    private final Map<String, String> canonical = new HashMap<>();

    UserNames(IdentityProperties properties) {
        for (String name : properties.users().keySet()) {
            String previous = canonical.put(fold(name), name);
            if (previous != null) {
                throw new IllegalStateException("pos.identity.users has '%s' and '%s', which differ only in letter case; "
                        .formatted(previous, name) + "user names are case-insensitive. Rename one of them.");
            }
        }
    }

    /** The configured user this name means, whatever its letter case; empty for an unknown name. */
    public Optional<String> canonical(String given) {
        return given == null ? Optional.empty() : Optional.ofNullable(canonical.get(fold(given)));
    }

    private static String fold(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }
}
