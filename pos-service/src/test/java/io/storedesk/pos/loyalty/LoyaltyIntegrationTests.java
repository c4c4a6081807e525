package io.storedesk.pos.loyalty;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.storedesk.pos.common.Money;
import io.storedesk.pos.common.ProblemException;
import io.storedesk.pos.sale.AppliedTender;
import io.storedesk.pos.sale.LedgerTender;
import io.storedesk.pos.sale.TenderRequest;
import io.storedesk.pos.sale.TenderType;
import io.storedesk.pos.support.Api;
import io.storedesk.pos.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Loyalty over HTTP at drawer D3: the demo cards, points earned on sales and taken back by
 * returns. Each test works on a card of its own, imported as head office would send it.
 */
class LoyaltyIntegrationTests extends IntegrationTest {

    private static final AtomicInteger CARDS = new AtomicInteger();

    @Autowired
    LoyaltyAccounts accounts;
    @Autowired
    List<LedgerTender> ledgerTenders;
    @Autowired
    TransactionTemplate tx;

    @BeforeEach
    void openDrawer() {
        ensureOpen("D3");
    }

    private String newCard(String tier, long balance) {
        String card = "77%011d".formatted(System.nanoTime() % 100_000_000_000L + CARDS.incrementAndGet());
        accounts.importSnapshot(new LoyaltyAccounts.Snapshot(card, "T-" + card, "Test Holder", tier, balance,
                OffsetDateTime.parse("2026-11-20T10:00:00Z")));
        return card;
    }

    private JsonNode sale(String card, String lines, String tenders) {
        Api.Response r = api.post("/api/v1/sales", "clerk", """
                {"drawerId":"D3","loyaltyCard":"%s","lines":[%s],"tenders":[%s]}""".formatted(card, lines, tenders));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    private JsonNode card(String card) {
        Api.Response r = api.get("/api/v1/loyalty/" + card, "clerk");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    private long balance(String card) {
        return card(card).get("balance").asLong();
    }

    private List<JsonNode> entries(String card) {
        Api.Response r = api.get("/api/v1/loyalty/" + card + "/entries", "clerk");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        List<JsonNode> list = new java.util.ArrayList<>();
        r.json().forEach(list::add);
        return list;
    }

    private Api.Response returnOf(String receipt, int lineNo, int quantity) {
        return api.post("/api/v1/returns", "clerk", """
                {"receiptNumber":"%s","drawerId":"D3","lines":[{"lineNo":%d,"quantity":%d,"reason":"CHANGED_MIND",
                 "restock":true}],"refundMethod":"CASH"}""".formatted(receipt, lineNo, quantity));
    }

    @Test
    void aDemoCardShowsItsHolderAndTheBalanceHeadOfficeLastReported() {
        JsonNode card = card("2900000000055");

        assertThat(card.get("card").asString()).isEqualTo("2900000000055");
        assertThat(card.get("customerId").asString()).isEqualTo("C-0005");
        assertThat(card.get("holderName").asString()).isEqualTo("Ольга Смирнова");
        assertThat(card.get("balance").asLong()).isEqualTo(950);
        assertThat(card.get("pendingRedemptions").asLong()).isZero();
        assertThat(OffsetDateTime.parse(card.get("lastSyncedAt").asString()).toInstant())
                .isEqualTo(OffsetDateTime.parse("2026-11-22T23:00:00+02:00").toInstant());
        assertThat(card.get("value").asString()).isEqualTo("9.50");
        assertThat(accounts.ofCustomer("C-0005")).singleElement()
                .satisfies(b -> assertThat(b.card()).isEqualTo("2900000000055"));
        assertThat(api.get("/api/v1/loyalty/2900000000017", "office").json().get("holderName").asString())
                .isEqualTo("Ilze Kalniņa");
        assertThat(api.get("/api/v1/loyalty/0000000000000", "clerk").status()).isEqualTo(404);
        assertThat(api.get("/api/v1/loyalty/2900000000055", "admin").status()).isEqualTo(403);
        assertThat(api.get("/api/v1/loyalty/2900000000055", null).status()).isEqualTo(401);
    }

    @Test
    void aSaleEarnsPointsOnWhatWasPaidOutsideExcludedDepartments() {
        String card = newCard(null, 1000);

        // balsam 17.99 earns, vitamins 6.99 (PHARMACY) do not: floor(17.99 x 1) = 17
        JsonNode sale = sale(card, """
                {"sku":"LV-1009","quantity":1},{"sku":"LV-1027","quantity":1}""",
                """
                {"type":"CASH","amount":"30.00"}""");

        assertThat(sale.get("total").asString()).isEqualTo("24.98");
        assertThat(sale.get("pointsEarned").asInt()).isEqualTo(17);
        String receipt = sale.get("receiptNumber").asString();
        assertThat(api.get("/api/v1/sales/" + receipt, "clerk").json().get("pointsEarned").asInt()).isEqualTo(17);
        assertThat(balance(card)).isEqualTo(1017);
        assertThat(entries(card)).singleElement().satisfies(e -> {
            assertThat(e.get("type").asString()).isEqualTo("EARN");
            assertThat(e.get("points").asLong()).isEqualTo(17);
            assertThat(e.get("receiptNumber").asString()).isEqualTo(receipt);
            assertThat(OffsetDateTime.parse(e.get("expiresAt").asString()))
                    .isEqualTo(OffsetDateTime.parse(e.get("occurredAt").asString()).plusMonths(24));
        });
        assertThat(jdbc.sql("SELECT COUNT(*) FROM journal_entry WHERE type = 'LOYALTY_POINTS_POSTED' AND reference = ?")
                .param(receipt).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aGoldCardEarnsHalfAsMuchAgainAndASaleWithoutACardEarnsNothing() {
        String gold = newCard("GOLD", 0);

        JsonNode sale = sale(gold, """
                {"sku":"LV-1009","quantity":1}""", """
                {"type":"CASH","amount":"20.00"}""");
        Api.Response anonymous = api.post("/api/v1/sales", "clerk", """
                {"drawerId":"D3","lines":[{"sku":"LV-1009","quantity":1}],"tenders":[{"type":"CASH","amount":"20.00"}]}""");

        // floor(17.99 x 1.5) = 26
        assertThat(sale.get("pointsEarned").asInt()).isEqualTo(26);
        assertThat(balance(gold)).isEqualTo(26);
        assertThat(anonymous.json().get("pointsEarned").asInt()).isZero();
    }

    @Test
    void aSaleNamingAnUnknownCardIsRefusedAndNothingIsStored() {
        long sales = count("sale");

        Api.Response r = api.post("/api/v1/sales", "clerk", """
                {"drawerId":"D3","loyaltyCard":"1234567890123","lines":[{"sku":"LV-1001","quantity":1}],
                 "tenders":[{"type":"CASH","amount":"2.00"}]}""");

        assertThat(r.status()).as(r.body()).isEqualTo(422);
        assertThat(r.text("type")).endsWith("/problems/unknown-loyalty-card");
        assertThat(count("sale")).isEqualTo(sales);
    }

    @Test
    void returnsTakeBackTheirShareOfThePointsAndNeverMoreThanWasEarned() {
        String card = newCard(null, 500);
        // 3 x 7.49 = 22.47 -> 22 points
        JsonNode sale = sale(card, """
                {"sku":"LV-1011","quantity":3}""", """
                {"type":"CASH","amount":"22.50"}""");
        String receipt = sale.get("receiptNumber").asString();
        assertThat(sale.get("pointsEarned").asInt()).isEqualTo(22);
        assertThat(balance(card)).isEqualTo(522);

        Api.Response first = returnOf(receipt, 1, 1);
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        // 22 x 7.49 / 22.47 = 7.33 -> 7
        assertThat(balance(card)).isEqualTo(515);

        Api.Response rest = returnOf(receipt, 1, 2);
        assertThat(rest.status()).as(rest.body()).isEqualTo(201);
        assertThat(balance(card)).isEqualTo(500);
        assertThat(entries(card)).extracting(e -> e.get("type").asString() + " " + e.get("points").asLong()
                + " " + e.get("document").asString())
                .containsExactly("EARN_REVERSED -15 " + rest.text("returnNumber"),
                        "EARN_REVERSED -7 " + first.text("returnNumber"), "EARN 22 " + receipt);
        assertThat(jdbc.sql("SELECT chain FROM journal_entry WHERE type = 'LOYALTY_POINTS_REVERSED' AND reference = ?")
                .param(first.text("returnNumber")).query(String.class).single()).isEqualTo("R03");
    }

    @Test
    void returningAnExcludedLineTakesNoPointsBack() {
        String card = newCard(null, 0);
        JsonNode sale = sale(card, """
                {"sku":"LV-1009","quantity":1},{"sku":"LV-1027","quantity":1}""", """
                {"type":"CASH","amount":"25.00"}""");

        // pharmacy goods are not returnable without a manager's approval
        Api.Response r = api.post("/api/v1/returns", "clerk", """
                {"receiptNumber":"%s","drawerId":"D3","lines":[{"lineNo":2,"quantity":1,"reason":"DEFECTIVE",
                 "restock":false}],"refundMethod":"CASH","approval":{"manager":"manager","pin":"1234"}}"""
                .formatted(sale.get("receiptNumber").asString()));

        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(balance(card)).isEqualTo(17);
    }

    private LedgerTender pointsTender() {
        return ledgerTenders.stream().filter(t -> t.type() == TenderType.LOYALTY_POINTS).findFirst().orElseThrow();
    }

    private static TenderRequest points(String card, int points) {
        return new TenderRequest(TenderType.LOYALTY_POINTS, null, null, points, card);
    }

    private static Money eur(String amount) {
        return Money.of(amount, java.util.Currency.getInstance("EUR"));
    }

    @Test
    void thePointsTenderSpendsAtMostTheBalanceLessUnsyncedRedemptionsAndGivesThemBack() {
        String card = newCard(null, 800);
        LedgerTender tender = pointsTender();

        assertThat(tender.quote(points(card, 500), eur("20.00"))).isEqualTo(eur("5.00"));
        AppliedTender applied = tx.execute(s -> tender.redeem(points(card, 500), eur("5.00"), "S001-R03-T-1", "clerk"));

        assertThat(applied.amount()).isEqualTo(eur("5.00"));
        assertThat(card(card).get("balance").asLong()).isEqualTo(300);
        assertThat(card(card).get("pendingRedemptions").asLong()).isEqualTo(500);
        ProblemException tooMany = catchThrowableOfType(ProblemException.class,
                () -> tender.quote(points(card, 301), eur("20.00")));
        assertThat(tooMany.status().value()).isEqualTo(422);
        assertThat(tooMany.type()).isEqualTo("loyalty-points-exceeded");
        assertThat(tooMany.properties()).containsEntry("available", 300L);
        assertThat(catchThrowableOfType(ProblemException.class, () -> tx.execute(
                s -> tender.redeem(points(card, 301), eur("3.01"), "S001-R03-T-2", "clerk"))).type())
                .isEqualTo("loyalty-points-exceeded");
        assertThat(catchThrowableOfType(ProblemException.class, () -> tender.quote(points(card, 300), eur("2.00")))
                .properties()).containsEntry("maxPoints", 200L);
        assertThat(catchThrowableOfType(ProblemException.class, () -> tender.quote(points(null, 10), eur("2.00")))
                .type()).isEqualTo("loyalty-card-required");

        tx.executeWithoutResult(s -> tender.giveBack(applied.reference(), eur("5.00"), "S001-R03-T-1-VOID", "manager"));
        tx.executeWithoutResult(s -> tender.giveBack(applied.reference(), eur("5.00"), "S001-R03-T-1-VOID", "manager"));

        assertThat(card(card).get("balance").asLong()).isEqualTo(800);
        assertThat(card(card).get("pendingRedemptions").asLong()).isZero();
    }

    @Test
    void concurrentRedemptionsOfOneCardNeverSpendMoreThanItsBalance() throws Exception {
        String card = newCard(null, 1000);
        LedgerTender tender = pointsTender();
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(6);
        List<java.util.concurrent.Future<Boolean>> results = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < 6; i++) {
                String document = "S001-R03-C-" + i;
                results.add(pool.submit(() -> {
                    start.await();
                    try {
                        tx.executeWithoutResult(s -> tender.redeem(points(card, 300), eur("3.00"), document, "clerk"));
                        return true;
                    } catch (ProblemException e) {
                        return false;
                    }
                }));
            }
            start.countDown();
            long spent = 0;
            for (var f : results) {
                spent += f.get() ? 1 : 0;
            }
            assertThat(spent).isEqualTo(3);
        } finally {
            io.storedesk.pos.support.Pools.stop(pool);
        }
        assertThat(card(card).get("balance").asLong()).isEqualTo(100);
        assertThat(card(card).get("pendingRedemptions").asLong()).isEqualTo(900);
    }
}
