package io.storedesk.pos.web;

import java.util.Map;

import io.storedesk.pos.identity.IdentityProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * The last line of the start-up log says where the pages are and how to sign in: with the demo
 * users (a user whose password is its name, e.g. clerk/clerk) it names them.
 */
@Component
class StartupGreeting {

    private static final Logger log = LoggerFactory.getLogger(StartupGreeting.class);

    private final IdentityProperties identity;

    StartupGreeting(IdentityProperties identity) {
        this.identity = identity;
    }

    @EventListener
    void ready(ApplicationReadyEvent event) {
        if (event.getApplicationContext() instanceof WebServerApplicationContext web && web.getWebServer() != null) {
            log.info(greeting(web.getWebServer().getPort(), identity.users()));
        }
    }

    static String greeting(int port, Map<String, IdentityProperties.User> users) {
        String url = "http://localhost:" + port;
        String demo = demoUser("clerk", users);
        return demo == null ? "Ready: open " + url + " and sign in."
                : "Ready: open " + url + " and sign in as " + demo + "/" + demo
                        + (demoUser("manager", users) != null ? " (manager/manager for the day close and approvals)." : ".");
    }

    /** The user's name when its password is its name (the demo configuration), else null. */
    private static String demoUser(String name, Map<String, IdentityProperties.User> users) {
        IdentityProperties.User user = users.get(name);
        if (user == null || user.password() == null) {
            return null;
        }
        PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
        try {
            return encoder.matches(name, user.password()) ? name : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
