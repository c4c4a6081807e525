package io.storedesk.pos.identity;

import java.util.List;

import io.storedesk.pos.support.Api;
import io.storedesk.pos.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Manager approvals at the clerk's screen, through a drawer close that is far off the expected
 * cash: wrong PINs are refused, five in a row lock that manager's approvals (the right PIN then
 * too), also when the guesses arrive at once (returns without receipt, approved by pinguard, whom
 * no other test uses), a manager cannot approve their own action, and nothing is closed meanwhile.
 */
class ManagerApprovalIntegrationTests extends IntegrationTest {

    private Api.Response closeWith(String user, String approval) {
        return api.post("/api/v1/drawers/D1/close", user, "{\"counted\":{\"0.01\":1},\"approval\":" + approval + "}");
    }

    @Test
    void fiveWrongPinsLockTheManagersApprovals() {
        ensureOpen("D1");
        for (int attempt = 1; attempt <= 5; attempt++) {
            Api.Response wrong = closeWith("clerk", "{\"manager\":\"manager2\",\"pin\":\"0000\"}");
            assertThat(wrong.status()).as("attempt " + attempt).isEqualTo(403);
            assertThat(wrong.text("type")).endsWith("/problems/approval-denied");
        }
        Api.Response locked = closeWith("clerk", "{\"manager\":\"manager2\",\"pin\":\"4321\"}");
        assertThat(locked.status()).isEqualTo(429);
        assertThat(locked.text("type")).endsWith("/problems/approval-locked");
        assertThat(api.get("/api/v1/drawers/D1", "clerk").status()).as("drawer still open").isEqualTo(200);
    }

    @Test
    void wrongPinsSentAtOnceAreCountedAndTheRestRefusedUnchecked() throws Exception {
        ensureOpen("D1");
        long returns = count("sale_return");
        long credits = count("store_credit");

        List<Api.Response> answers = atOnce(24, i -> api.post("/api/v1/returns", "clerk", """
                {"drawerId":"D1","customerRef":"PIN-RACE-%d","refundMethod":"STORE_CREDIT",
                 "lines":[{"sku":"LV-1001","quantity":1,"reason":"DEFECTIVE","restock":false}],
                 "approval":{"manager":"%s","pin":"%d"}}""".formatted(i, i % 2 == 0 ? "pinguard" : "PINGUARD", 9000 + i)));

        assertThat(answers).filteredOn(r -> r.status() == 403).hasSize(5)
                .allSatisfy(r -> assertThat(r.text("type")).endsWith("/problems/approval-denied"));
        assertThat(answers).filteredOn(r -> r.status() == 429).hasSize(19)
                .allSatisfy(r -> assertThat(r.text("type")).endsWith("/problems/approval-locked"));
        Api.Response rightPin = api.post("/api/v1/returns", "clerk", """
                {"drawerId":"D1","customerRef":"PIN-RACE-RIGHT","refundMethod":"STORE_CREDIT",
                 "lines":[{"sku":"LV-1001","quantity":1,"reason":"DEFECTIVE","restock":false}],
                 "approval":{"manager":"pinguard","pin":"2468"}}""");
        assertThat(rightPin.status()).as("the right PIN does not lift the lockout").isEqualTo(429);
        assertThat(count("sale_return")).isEqualTo(returns);
        assertThat(count("store_credit")).isEqualTo(credits);
    }

    @Test
    void aManagerCannotApproveTheirOwnAction() {
        ensureOpen("D1");
        Api.Response self = closeWith("manager", "{\"manager\":\"manager\",\"pin\":\"1234\"}");
        assertThat(self.status()).isEqualTo(422);
        assertThat(self.text("type")).endsWith("/problems/self-approval");
        assertThat(api.get("/api/v1/drawers/D1", "clerk").status()).isEqualTo(200);
    }

    @Test
    void aClerkIsNoApprover() {
        ensureOpen("D1");
        Api.Response clerk = closeWith("clerk", "{\"manager\":\"clerk2\",\"pin\":\"clerk2\"}");
        assertThat(clerk.status()).isEqualTo(403);
        assertThat(api.get("/api/v1/drawers/D1", "clerk").status()).isEqualTo(200);
    }
}
