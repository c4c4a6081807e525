package io.storedesk.pos.identity;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Users and sign-in policies ({@code pos.identity.*}).
 *
 * @param users            username -> user; passwords and PINs as {@code {bcrypt}...} hashes
 * @param tokenTtl         how long a register's bearer token lives
 * @param pinMaxAttempts   wrong manager PINs in a row before the approval is locked
 * @param pinLockout       how long a locked approval stays locked
 * @param loginMaxAttempts wrong passwords in a row before the user is locked out
 * @param loginLockout     how long a locked-out user stays locked out
 */
@ConfigurationProperties("pos.identity")
public record IdentityProperties(
        Map<String, User> users,
        @DefaultValue("12h") Duration tokenTtl,
        @DefaultValue("5") int pinMaxAttempts,
        @DefaultValue("15m") Duration pinLockout,
        @DefaultValue("5") int loginMaxAttempts,
        @DefaultValue("15m") Duration loginLockout) {

    public IdentityProperties {
        users = users == null ? Map.of() : Map.copyOf(users);
    }

    public record User(String password, String pin, List<Role> roles, String displayName) {
        public User {
            roles = roles == null ? List.of() : List.copyOf(roles);
        }
    }

    /** A user as a manager knows them on paper: "Anna Bērziņa (clerk)"; the bare name when none is configured. */
    public String labelOf(String name) {
        if (name == null || name.isBlank()) {
            return name == null ? "" : name;
        }
        User user = users.get(name);
        if (user == null || user.displayName() == null || user.displayName().isBlank()
                || user.displayName().equals(name)) {
            return name;
        }
        return user.displayName() + " (" + name + ")";
    }
}
