package io.storedesk.pos.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import io.storedesk.pos.identity.IdentityProperties;
import io.storedesk.pos.identity.Role;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

/** The start-up log's last line tells a newcomer where to go and how to sign in. */
class StartupGreetingTests {

    @Test
    void withTheDemoUsersItNamesThem() {
        var encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
        var users = Map.of("clerk", new IdentityProperties.User(encoder.encode("clerk"), null, List.of(Role.CLERK), "Anna"),
                "manager", new IdentityProperties.User(encoder.encode("manager"), null, List.of(Role.MANAGER), "Līga"));
        assertThat(StartupGreeting.greeting(8080, users))
                .isEqualTo("Ready: open http://localhost:8080 and sign in as clerk/clerk"
                        + " (manager/manager for the day close and approvals).");
    }

    @Test
    void withRealPasswordsItNamesNoPassword() {
        var encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
        var users = Map.of("clerk", new IdentityProperties.User(encoder.encode("s3cret!"), null, List.of(Role.CLERK), "Anna"));
        assertThat(StartupGreeting.greeting(9090, users)).isEqualTo("Ready: open http://localhost:9090 and sign in.");
    }
}
