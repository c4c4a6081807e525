package io.storedesk.pos.headoffice;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.storedesk.pos.support.Api;
import io.storedesk.pos.support.HeadOfficeNodes;
import io.storedesk.pos.support.Postgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Head office as the gift-card authority (issue 26), one node on a fresh embedded PostgreSQL, through
 * its HTTP API with the stores' keys: activation, redemption, reload, refund and cancellation change
 * the balance once per op id; concurrent redemptions of one card never take it below zero; the
 * errors are problem+json; the report adds up.
 */
class HeadOfficeGiftCardIntegrationTests {

    static final Map<String, String> S001 = Map.of("X-Store-Id", "S001", "X-Store-Key", "demo-key-S001");
    static final Map<String, String> S002 = Map.of("X-Store-Id", "S002", "X-Store-Key", "demo-key-S002");

    static ConfigurableApplicationContext node;
    static Api ho;
    static JdbcClient db;

    @BeforeAll
    static void start() {
        node = HeadOfficeNodes.start("giftcards", Postgres.newDatabase("hogift"));
        ho = new Api(HeadOfficeNodes.port(node));
        db = node.getBean(JdbcClient.class);
    }

    @AfterAll
    static void stop() {
        HeadOfficeNodes.stop(node);
    }

    static Api.Response op(Map<String, String> store, String number, String opId, String kind, String amount,
            String currency) {
        return op(store, number, opId, kind, amount, currency, "DOC-" + opId, null);
    }

    static Api.Response op(Map<String, String> store, String number, String opId, String kind, String amount,
            String currency, String document, String cancels) {
        String body = """
                {"opId":"%s","kind":"%s","amount":%s,"currency":"%s","storeId":"%s","document":%s,"cancels":%s}"""
                .formatted(opId, kind, amount == null ? "null" : "\"" + amount + "\"", currency, store.get("X-Store-Id"),
                        document == null ? "null" : "\"" + document + "\"", cancels == null ? "null" : "\"" + cancels + "\"");
        return ho.post("/api/ho/v1/gift-cards/" + number + "/operations", null, body, store);
    }

    static String balance(Map<String, String> store, String number) {
        Api.Response r = ho.get("/api/ho/v1/gift-cards/" + number, null, store);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.text("balance");
    }

    static String newOp() {
        return "op-" + UUID.randomUUID();
    }

    @Test
    void aCardSoldAtOneStoreIsSpentAtAnotherOncePerOperation() {
        String card = "6001000000000011";
        Api.Response activated = op(S001, card, "op-act-0011", "ACTIVATE", "50.00", "EUR");
        assertThat(activated.status()).as(activated.body()).isEqualTo(200);
        assertThat(activated.text("balance")).isEqualTo("50.00");
        assertThat(activated.text("number")).isEqualTo("************0011");
        assertThat(activated.body()).doesNotContain(card);

        Api.Response spent = op(S002, card, "op-red-0011", "REDEEM", "20.00", "EUR");
        assertThat(spent.status()).as(spent.body()).isEqualTo(200);
        assertThat(spent.text("balance")).isEqualTo("30.00");
        // the same op again (a store's retry): the first outcome, nothing taken twice
        Api.Response again = op(S002, card, "op-red-0011", "REDEEM", "20.00", "EUR");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.text("balance")).isEqualTo("30.00");
        assertThat(again.text("opId")).isEqualTo("op-red-0011");
        // the same op id with another body: 409, nothing changed
        Api.Response other = op(S002, card, "op-red-0011", "REDEEM", "25.00", "EUR");
        assertThat(other.status()).isEqualTo(409);
        assertThat(other.contentType()).startsWith("application/problem+json");
        assertThat(other.text("type")).endsWith("/gift-card-op-conflict");
        assertThat(balance(S001, card)).isEqualTo("30.00");

        // reload, refund: back up; more than the balance: 422 with the balance
        assertThat(op(S001, card, "op-rel-0011", "RELOAD", "10.00", "EUR").text("balance")).isEqualTo("40.00");
        assertThat(op(S001, card, "op-ref-0011", "REFUND", "5.00", "EUR").text("balance")).isEqualTo("45.00");
        Api.Response tooMuch = op(S002, card, newOp(), "REDEEM", "45.01", "EUR");
        assertThat(tooMuch.status()).isEqualTo(422);
        assertThat(tooMuch.text("type")).endsWith("/gift-card-insufficient");
        assertThat(tooMuch.text("balance")).isEqualTo("45.00");
        assertThat(tooMuch.body()).doesNotContain(card);
        assertThat(db.sql("SELECT COUNT(*) FROM ho_gift_card_op WHERE number = ?").param(card).query(Long.class).single())
                .isEqualTo(4);
        assertThat(db.sql("SELECT balance_after FROM ho_gift_card_op WHERE op_id = 'op-ref-0011'")
                .query(java.math.BigDecimal.class).single()).isEqualByComparingTo("45.00");
    }

    @Test
    void aCancelGivesBackOnceAndAnOperationCancelledBeforeItArrivedIsRefused() {
        String card = "6001000000000022";
        assertThat(op(S001, card, "op-act-0022", "ACTIVATE", "30.00", "EUR").status()).isEqualTo(200);
        assertThat(op(S001, card, "op-red-0022", "REDEEM", "12.50", "EUR").text("balance")).isEqualTo("17.50");
        // the sale failed after the redemption: the compensation gives it back, once
        for (int i = 0; i < 2; i++) {
            Api.Response cancel = op(S001, card, "op-can-0022", "CANCEL", null, "EUR", null, "op-red-0022");
            assertThat(cancel.status()).as(cancel.body()).isEqualTo(200);
            assertThat(cancel.text("balance")).isEqualTo("30.00");
            assertThat(cancel.text("amount")).isEqualTo("12.50");
        }
        // a repeat of the cancelled redemption (the store retrying a sale that never committed) is refused
        Api.Response repeat = op(S001, card, "op-red-0022", "REDEEM", "12.50", "EUR");
        assertThat(repeat.status()).as(repeat.body()).isEqualTo(409);
        assertThat(repeat.text("type")).endsWith("/gift-card-op-cancelled");
        assertThat(balance(S002, card)).isEqualTo("30.00");
        // a redemption whose compensation arrived first (its first try never reached head office)
        Api.Response early = op(S001, card, "op-can-0022b", "CANCEL", null, "EUR", null, "op-red-0022b");
        assertThat(early.status()).isEqualTo(200);
        assertThat(early.text("amount")).isEqualTo("0.00");
        Api.Response late = op(S001, card, "op-red-0022b", "REDEEM", "5.00", "EUR");
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.text("type")).endsWith("/gift-card-op-cancelled");
        assertThat(balance(S002, card)).isEqualTo("30.00");

        // a cancelled activation: the card is not active any more and can be sold again
        String sold = "6001000000000033";
        assertThat(op(S001, sold, "op-act-0033", "ACTIVATE", "20.00", "EUR").status()).isEqualTo(200);
        assertThat(op(S001, sold, "op-can-0033", "CANCEL", null, "EUR", null, "op-act-0033").text("balance"))
                .isEqualTo("0.00");
        assertThat(ho.get("/api/ho/v1/gift-cards/" + sold, null, S001).status()).isEqualTo(404);
        assertThat(op(S002, sold, newOp(), "REDEEM", "1.00", "EUR").text("type")).endsWith("/gift-card-inactive");
        assertThat(op(S001, sold, "op-act-0033b", "ACTIVATE", "25.00", "EUR").text("balance")).isEqualTo("25.00");
    }

    @Test
    void concurrentRedemptionsOfOneCardNeverOverdrawIt() throws Exception {
        String card = "6001000000000044";
        assertThat(op(S001, card, "op-act-0044", "ACTIVATE", "100.00", "EUR").status()).isEqualTo(200);
        ExecutorService pool = Executors.newFixedThreadPool(12);
        List<CompletableFuture<Api.Response>> tries = new ArrayList<>();
        try {
            for (int i = 0; i < 30; i++) {
                Map<String, String> store = i % 2 == 0 ? S001 : S002;
                String opId = "op-con-0044-" + i;
                tries.add(CompletableFuture.supplyAsync(() -> op(store, card, opId, "REDEEM", "7.00", "EUR"), pool));
                if (i % 5 == 0) { // some sent twice at once: the store's retry racing its first try
                    tries.add(CompletableFuture.supplyAsync(() -> op(store, card, opId, "REDEEM", "7.00", "EUR"), pool));
                }
            }
            int approved = 0;
            for (CompletableFuture<Api.Response> t : tries) {
                Api.Response r = t.get();
                assertThat(r.status()).as(r.body()).isIn(200, 422);
                if (r.status() == 422) {
                    assertThat(r.text("type")).endsWith("/gift-card-insufficient");
                } else {
                    assertThat(r.json().get("balance").asString()).doesNotStartWith("-");
                    approved++;
                }
            }
            long ops = db.sql("SELECT COUNT(*) FROM ho_gift_card_op WHERE number = ? AND kind = 'REDEEM'").param(card)
                    .query(Long.class).single();
            assertThat(ops).as("14 x 7.00 fit in 100.00").isEqualTo(14);
            assertThat(approved).isGreaterThanOrEqualTo(14);
            assertThat(balance(S002, card)).isEqualTo("2.00");
        } finally {
            io.storedesk.pos.support.Pools.stop(pool);
        }
    }

    @Test
    void badRequestsAreProblemsAndNothingIsWritten() {
        String card = "6001000000000055";
        Api.Response unknown = op(S001, card, newOp(), "REDEEM", "1.00", "EUR");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.text("type")).endsWith("/gift-card-unknown");
        assertThat(unknown.body()).doesNotContain(card);
        assertThat(ho.get("/api/ho/v1/gift-cards/" + card, null, S001).status()).isEqualTo(404);

        assertThat(op(S001, card, "op-act-0055", "ACTIVATE", "10.00", "EUR").status()).isEqualTo(200);
        Api.Response czk = op(S001, card, newOp(), "REDEEM", "1.00", "CZK");
        assertThat(czk.status()).isEqualTo(422);
        assertThat(czk.text("type")).endsWith("/gift-card-currency-mismatch");
        Api.Response twice = op(S001, card, newOp(), "ACTIVATE", "10.00", "EUR");
        assertThat(twice.status()).isEqualTo(422);
        assertThat(twice.text("type")).endsWith("/gift-card-already-active");
        assertThat(op(S001, card, newOp(), "REDEEM", "-1.00", "EUR").status()).isEqualTo(400);
        assertThat(op(S001, card, newOp(), "GIVE", "1.00", "EUR").status()).isEqualTo(400);
        assertThat(op(S001, "12ab", newOp(), "REDEEM", "1.00", "EUR").status()).isEqualTo(400);
        // a store acts under its own id only; without a key nothing at all
        Api.Response foreign = ho.post("/api/ho/v1/gift-cards/" + card + "/operations", null, """
                {"opId":"op-foreign-1","kind":"REDEEM","amount":"1.00","currency":"EUR","storeId":"S001"}""", S002);
        assertThat(foreign.status()).isEqualTo(403);
        assertThat(ho.post("/api/ho/v1/gift-cards/" + card + "/operations", null, """
                {"opId":"op-nokey-1","kind":"REDEEM","amount":"1.00","currency":"EUR","storeId":"S001"}""").status())
                .isEqualTo(401);
        assertThat(balance(S001, card)).isEqualTo("10.00");
        assertThat(db.sql("SELECT COUNT(*) FROM ho_gift_card_op WHERE number = ?").param(card).query(Long.class).single())
                .isEqualTo(1);
        // head office's own users see the balance, not the stores' operations
        assertThat(ho.get("/api/ho/v1/gift-cards/" + card, "office").text("balance")).isEqualTo("10.00");
    }

    @Test
    void theReportShowsLiabilityActivityAndBreakage() {
        String a = "6001000000000066";
        String b = "6001000000000077";
        assertThat(op(S001, a, "op-act-0066", "ACTIVATE", "40.00", "EUR").status()).isEqualTo(200);
        assertThat(op(S001, b, "op-act-0077", "ACTIVATE", "60.00", "EUR").status()).isEqualTo(200);
        assertThat(op(S002, b, "op-red-0077", "REDEEM", "15.00", "EUR").status()).isEqualTo(200);
        LocalDate today = LocalDate.now();
        Api.Response r = ho.get("/api/ho/v1/reports/gift-cards?from=%s&to=%s".formatted(today.minusDays(1),
                today.plusDays(1)), "office");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode eur = r.json().get("currencies").get("EUR");
        // every card with money on it, whichever test made it: the sum of the balances at head office
        String liability = db.sql("SELECT SUM(balance) FROM ho_gift_card").query(java.math.BigDecimal.class).single()
                .setScale(2).toPlainString();
        assertThat(eur.get("liability").asString()).isEqualTo(liability);
        assertThat(eur.get("activations").get("count").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(eur.get("breakageByAge").get("0-12").get("balance").asString()).isEqualTo(liability);
        assertThat(eur.get("breakageByAge").get("24+").get("balance").asString()).isEqualTo("0.00");
        assertThat(r.body()).doesNotContain(a).doesNotContain(b);
        assertThat(ho.get("/api/ho/v1/reports/gift-cards?from=2026-02-01&to=2026-01-01", "office").status())
                .isEqualTo(400);
        assertThat(ho.get("/api/ho/v1/reports/gift-cards?from=2026-01-01&to=2026-02-01", null, S001).status())
                .isEqualTo(403);
    }
}
