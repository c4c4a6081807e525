package io.storedesk.pos.identity;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import io.storedesk.pos.support.Api;
import io.storedesk.pos.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sign-in abuse over HTTP: failed sign-ins are journaled, five wrong passwords lock the user out
 * (even with the right password afterwards), whatever the letter case of the name and however
 * many guesses arrive at once, the lockout revokes the user's tokens, and errors never carry
 * stack traces. Uses manager2, lockcase and guesser, whom no other test signs in as.
 */
class LoginLockoutIntegrationTests extends IntegrationTest {

    private Api.Response getAs(String user, String password) {
        String basic = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return api.post("/api/v1/auth/token", null, "", Map.of("Authorization", "Basic " + basic));
    }

    private long failedLogins(String user) {
        return jdbc.sql("SELECT COUNT(*) FROM journal_entry WHERE chain = 'STORE' AND type = 'LOGIN_FAILED' AND actor = ?")
                .param(user).query(Long.class).single();
    }

    @Test
    void fiveWrongPasswordsLockTheUserOutAndEveryFailureIsJournaled() {
        long before = failedLogins("manager2");
        for (int i = 0; i < 5; i++) {
            Api.Response wrong = getAs("manager2", "guess-" + i);
            assertThat(wrong.status()).isEqualTo(401);
            assertThat(wrong.text("type")).endsWith("/problems/unauthorized");
        }

        Api.Response locked = getAs("manager2", "manager2");

        assertThat(locked.status()).isEqualTo(401);
        assertThat(locked.text("type")).endsWith("/problems/account-locked");
        assertThat(locked.text("detail")).contains("locked out");
        assertThat(failedLogins("manager2") - before).isGreaterThanOrEqualTo(6);
        assertThat(api.get("/api/v1/journal/verify", "manager").json().get("valid").asBoolean()).isTrue();
        // other users are not affected
        assertThat(getAs("clerk", "clerk").status()).isEqualTo(201);
    }

    @Test
    void letterCaseNamesTheSameUserSoItCannotDodgeTheLockout() {
        Api.Response before = getAs("lockcase", "lockcase");
        assertThat(before.status()).isEqualTo(201);
        String earlierToken = before.text("token");
        long journaled = failedLogins("lockcase");

        for (String name : new String[] {"LOCKCASE", "LockCase", "lockCASE", "Lockcase", "LOCKcase"}) {
            assertThat(getAs(name, "wrong").text("type")).endsWith("/problems/unauthorized");
        }

        for (String name : new String[] {"lockcase", "LOCKCASE"}) {
            Api.Response locked = getAs(name, "lockcase");
            assertThat(locked.status()).as(name).isEqualTo(401);
            assertThat(locked.text("type")).as(name).endsWith("/problems/account-locked");
        }
        assertThat(getAs("lockcase", "lockcase").text("type")).as("a right password never lifts the lockout")
                .endsWith("/problems/account-locked");
        Api.Response withEarlierToken = api.post("/api/v1/auth/token", null, "",
                Map.of("Authorization", "Bearer " + earlierToken));
        assertThat(withEarlierToken.status()).as("tokens issued before the lockout are revoked").isEqualTo(401);
        assertThat(failedLogins("lockcase") - journaled).as("journaled under the canonical name").isEqualTo(8);
    }

    @Test
    void wrongPasswordsSentAtOnceAreCountedAndTheRestRefusedUnchecked() throws Exception {
        long journaled = failedLogins("guesser");

        List<String> types = atOnce(24, i -> getAs(i % 2 == 0 ? "guesser" : "GUESSER", "guess-" + i).text("type"));

        assertThat(types).filteredOn(t -> t.endsWith("/problems/unauthorized")).hasSize(5);
        assertThat(types).filteredOn(t -> t.endsWith("/problems/account-locked")).hasSize(19);
        assertThat(getAs("guesser", "guesser").text("type")).endsWith("/problems/account-locked");
        assertThat(failedLogins("guesser") - journaled).isEqualTo(25);
    }

    @Test
    void unknownUsersAreJournaledButNotTracked() {
        long before = failedLogins("nobody-" + 1);
        assertThat(getAs("nobody-1", "x").status()).isEqualTo(401);
        assertThat(failedLogins("nobody-1") - before).isOne();
    }

    @Test
    void responsesCarrySecurityHeadersAndErrorsCarryNoStackTraces() {
        Api.Response malformed = api.post("/api/v1/sales", "clerk", "{\"drawerId\": [1, 2");
        Api.Response page = api.get("/login", null);

        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.body()).doesNotContain("Exception", "at io.", "at org.", "SQL", "jackson");
        for (Api.Response r : new Api.Response[] {malformed, page}) {
            assertThat(r.headers().get("x-content-type-options")).isEqualTo("nosniff");
            assertThat(r.headers().get("x-frame-options")).isEqualTo("DENY");
            assertThat(r.headers().get("cache-control")).contains("no-store");
        }
        assertThat(page.headers().get("content-security-policy")).contains("frame-ancestors 'none'");
        assertThat(page.headers().get("referrer-policy")).isEqualTo("same-origin");
    }

    @Test
    void aPageFormPostWithoutTheCsrfTokenIsRefused() {
        Api.Response r = api.post("/logout", "clerk", "");

        assertThat(r.status()).isEqualTo(403);
    }
}
