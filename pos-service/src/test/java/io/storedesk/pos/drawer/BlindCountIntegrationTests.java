package io.storedesk.pos.drawer;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import io.storedesk.pos.support.Api;
import io.storedesk.pos.support.IntegrationTest;
import io.storedesk.pos.support.Race;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The blind close cannot be beaten by retrying (issue 22, finding 8): every count attempt is
 * journaled, a refused count makes any recount need a manager, and no answer says how far off the
 * count was. And a drawer close racing cash movements counts exactly the movements that were
 * answered 201. Drawer D2.
 */
class BlindCountIntegrationTests extends IntegrationTest {

    private static final String APPROVAL = "{\"manager\":\"manager\",\"pin\":\"1234\"}";
    private static final BigDecimal[] EUR = {new BigDecimal("500"), new BigDecimal("200"), new BigDecimal("100"),
            new BigDecimal("50"), new BigDecimal("20"), new BigDecimal("10"), new BigDecimal("5"), new BigDecimal("2"),
            new BigDecimal("1"), new BigDecimal("0.50"), new BigDecimal("0.20"), new BigDecimal("0.10"),
            new BigDecimal("0.05"), new BigDecimal("0.02"), new BigDecimal("0.01")};

    @AfterEach
    void reopen() {
        ensureOpen("D2");
    }

    /** Notes and coins adding up to {@code amount}, as a count body. */
    private static String countOf(BigDecimal amount) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        BigDecimal left = amount;
        for (BigDecimal d : EUR) {
            int n = left.divideToIntegralValue(d).intValue();
            if (n > 0) {
                counts.put(d.setScale(2).toPlainString(), n);
                left = left.subtract(d.multiply(BigDecimal.valueOf(n)));
            }
        }
        StringBuilder json = new StringBuilder("{");
        counts.forEach((k, v) -> json.append(json.length() > 1 ? "," : "").append('"').append(k).append("\":").append(v));
        return json.append('}').toString();
    }

    private Api.Response close(String counts, String approval) {
        return api.post("/api/v1/drawers/D2/close", "clerk",
                "{\"counted\":" + counts + (approval == null ? "" : ",\"approval\":" + approval) + "}");
    }

    private BigDecimal expected() {
        return new BigDecimal(api.get("/api/v1/drawers/D2/x-report", "manager").text("expectedCash"));
    }

    private long refusedCountsJournaled(String sessionId) {
        return jdbc.sql("SELECT COUNT(*) FROM journal_entry WHERE type = 'DRAWER_COUNT_REFUSED' AND reference = ?")
                .param(sessionId).query(Long.class).single();
    }

    @Test
    void aRefusedCountIsJournaledAndEveryRecountNeedsAManagerEvenAnExactOne() {
        ensureOpen("D2");
        String session = api.get("/api/v1/drawers/D2", "clerk").text("sessionId");
        BigDecimal expected = expected();

        Api.Response refused = close(countOf(expected.subtract(new BigDecimal("9.00"))), null);

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.text("type")).endsWith("/drawer-variance-needs-approval");
        JsonNode problem = refused.json();
        List<String> fields = new ArrayList<>();
        problem.propertyNames().forEach(fields::add);
        assertThat(fields).containsOnly("type", "title", "status", "detail", "instance");
        assertThat(refused.body()).doesNotContain(expected.toPlainString()).doesNotContain("9.00").doesNotContain("9,00");
        assertThat(refusedCountsJournaled(session)).isEqualTo(1);

        // the exact amount now: still refused, and it says nothing about being right
        Api.Response exact = close(countOf(expected), null);
        assertThat(exact.status()).isEqualTo(422);
        assertThat(exact.text("type")).endsWith("/drawer-recount-needs-approval");
        assertThat(exact.body()).doesNotContain(expected.toPlainString()).doesNotContain("BALANCED");
        assertThat(refusedCountsJournaled(session)).isEqualTo(2);

        Api.Response approved = close(countOf(expected), APPROVAL);
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(approved.text("result")).isEqualTo("BALANCED");
        assertThat(approved.text("approvedBy")).isEqualTo("manager");
        assertThat(refusedCountsJournaled(session)).isEqualTo(2);
    }

    @Test
    void aDrawerCloseRacingCashMovementsCountsExactlyTheMovementsThatWereTaken() {
        for (int round = 0; round < 3; round++) {
            ensureOpen("D2");
            BigDecimal before = expected();
            List<Supplier<Api.Response>> contestants = new ArrayList<>();
            contestants.add(() -> close("{\"20.00\":1}", APPROVAL));
            for (int i = 0; i < 7; i++) {
                contestants.add(() -> api.post("/api/v1/drawers/D2/movements", "clerk",
                        "{\"type\":\"PAID_IN\",\"amount\":\"1.00\",\"reason\":\"race\"}"));
            }
            List<Api.Response> answers = Race.run(contestants);

            Api.Response closed = answers.get(0);
            assertThat(closed.status()).as(closed.body()).isEqualTo(200);
            long taken = answers.subList(1, answers.size()).stream().filter(r -> r.status() == 201).count();
            assertThat(answers.subList(1, answers.size())).allSatisfy(r -> assertThat(r.status()).isIn(201, 409));
            assertThat(new BigDecimal(closed.text("expectedCash")))
                    .isEqualByComparingTo(before.add(BigDecimal.valueOf(taken)));
        }
    }
}
