package io.storedesk.pos.loyalty;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.storedesk.pos.support.Api;
import io.storedesk.pos.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Points redeemed as the LOYALTY_POINTS tender over HTTP at drawer D3, and given back (with the
 * points the sale earned taken back) when the sale is voided or returned. Each test works on a
 * card of its own, imported as head office would send it.
 */
class LoyaltyTenderIntegrationTests extends IntegrationTest {

    private static final AtomicInteger CARDS = new AtomicInteger();

    @Autowired
    LoyaltyAccounts accounts;

    @BeforeEach
    void openDrawer() {
        ensureOpen("D3");
    }

    private String newCard(long balance) {
        String card = "78%011d".formatted(System.nanoTime() % 100_000_000_000L + CARDS.incrementAndGet());
        accounts.importSnapshot(new LoyaltyAccounts.Snapshot(card, "T-" + card, "Līga Kalniņa", null, balance,
                OffsetDateTime.parse("2026-11-20T10:00:00Z")));
        return card;
    }

    private Api.Response sell(String card, int points, String cash) {
        return api.post("/api/v1/sales", "clerk", """
                {"drawerId":"D3","loyaltyCard":"%s","lines":[{"sku":"LV-1009","quantity":1}],
                 "tenders":[{"type":"LOYALTY_POINTS","points":%d},{"type":"CASH","amount":"%s"}]}"""
                .formatted(card, points, cash));
    }

    private JsonNode card(String card) {
        return api.get("/api/v1/loyalty/" + card, "clerk").json();
    }

    private List<String> entries(String card) {
        List<String> list = new ArrayList<>();
        api.get("/api/v1/loyalty/" + card + "/entries", "clerk").json()
                .forEach(e -> list.add(e.get("type").asString() + " " + e.get("points").asLong()));
        return list;
    }

    @Test
    void pointsPayPartOfASaleAndOnlyTheRestEarnsPoints() {
        String card = newCard(1000);

        // balsam 17.99: 500 points pay 5.00, cash pays 12.99 (rounded to 13.00)
        Api.Response r = sell(card, 500, "15.00");

        assertThat(r.status()).as(r.body()).isEqualTo(201);
        JsonNode sale = r.json();
        assertThat(sale.get("tenders")).anySatisfy(t -> {
            assertThat(t.get("type").asString()).isEqualTo("LOYALTY_POINTS");
            assertThat(t.get("amount").asString()).isEqualTo("5.00");
        });
        assertThat(sale.get("change").asString()).isEqualTo("2.00");
        // floor(12.99) = 12: the part paid with points earns nothing
        assertThat(sale.get("pointsEarned").asInt()).isEqualTo(12);
        JsonNode after = card(card);
        assertThat(after.get("balance").asLong()).isEqualTo(512);
        assertThat(after.get("pendingRedemptions").asLong()).isEqualTo(500);
        assertThat(entries(card)).containsExactlyInAnyOrder("REDEEM -500", "EARN 12");
    }

    @Test
    void redeemingMoreThanTheLastKnownBalanceLessUnsyncedRedemptionsIsRefused() {
        String card = newCard(1000);
        assertThat(sell(card, 800, "10.00").status()).isEqualTo(201);
        // 1000 known from head office, 800 redeemed here and not synced, 9 earned on the 9.99 paid in cash
        assertThat(card(card).get("balance").asLong()).isEqualTo(209);
        long sales = count("sale");

        Api.Response tooMany = sell(card, 300, "20.00");

        assertThat(tooMany.status()).as(tooMany.body()).isEqualTo(422);
        assertThat(tooMany.text("type")).endsWith("/problems/loyalty-points-exceeded");
        assertThat(tooMany.json().get("available").asLong()).isEqualTo(209);
        assertThat(count("sale")).isEqualTo(sales);
        assertThat(card(card).get("balance").asLong()).isEqualTo(209);
        assertThat(card(card).get("pendingRedemptions").asLong()).isEqualTo(800);

        Api.Response moreThanDue = sell(newCard(5000), 2000, "1.00");
        assertThat(moreThanDue.status()).as(moreThanDue.body()).isEqualTo(422);
        assertThat(moreThanDue.text("type")).endsWith("/problems/loyalty-points-exceed-due");
        assertThat(moreThanDue.json().get("maxPoints").asLong()).isEqualTo(1799);

        Api.Response noCard = api.post("/api/v1/sales", "clerk", """
                {"drawerId":"D3","lines":[{"sku":"LV-1009","quantity":1}],
                 "tenders":[{"type":"LOYALTY_POINTS","points":100},{"type":"CASH","amount":"20.00"}]}""");
        assertThat(noCard.status()).as(noCard.body()).isEqualTo(422);
        assertThat(noCard.text("type")).endsWith("/problems/loyalty-card-required");
        assertThat(count("sale")).isEqualTo(sales);
    }

    @Test
    void voidingASaleGivesTheRedeemedPointsBackAndTakesTheEarnedOnesAway() {
        String card = newCard(1000);
        Api.Response sale = sell(card, 500, "15.00");
        assertThat(sale.status()).as(sale.body()).isEqualTo(201);
        String receipt = sale.text("receiptNumber");

        Api.Response voided = api.post("/api/v1/sales/" + receipt + "/void", "clerk", """
                {"reason":"wrong customer","approval":{"manager":"manager","pin":"1234"}}""");

        assertThat(voided.status()).as(voided.body()).isEqualTo(200);
        JsonNode after = card(card);
        assertThat(after.get("balance").asLong()).isEqualTo(1000);
        assertThat(after.get("pendingRedemptions").asLong()).isZero();
        assertThat(entries(card)).containsExactlyInAnyOrder("REDEEM -500", "EARN 12", "REDEEM_RETURNED 500",
                "EARN_REVERSED -12");
        assertThat(jdbc.sql("SELECT chain FROM journal_entry WHERE type = 'LOYALTY_POINTS_REVERSED' AND reference = ?")
                .param(receipt + "-VOID").query(String.class).single()).isEqualTo("R03");
    }

    @Test
    void returningASalePaidWithPointsGivesThemBackAndTakesTheEarnedOnesAway() {
        String card = newCard(1000);
        Api.Response sale = sell(card, 500, "15.00");
        assertThat(sale.status()).as(sale.body()).isEqualTo(201);

        Api.Response returned = api.post("/api/v1/returns", "clerk", """
                {"receiptNumber":"%s","drawerId":"D3","lines":[{"lineNo":1,"quantity":1,"reason":"DEFECTIVE",
                 "restock":false}],"refundMethod":"ORIGINAL"}""".formatted(sale.text("receiptNumber")));

        assertThat(returned.status()).as(returned.body()).isEqualTo(201);
        assertThat(returned.json().get("refunds")).anySatisfy(f -> {
            assertThat(f.get("type").asString()).isEqualTo("LOYALTY_POINTS");
            assertThat(f.get("amount").asString()).isEqualTo("5.00");
        });
        JsonNode after = card(card);
        assertThat(after.get("balance").asLong()).isEqualTo(1000);
        assertThat(after.get("pendingRedemptions").asLong()).isZero();
        assertThat(entries(card)).containsExactlyInAnyOrder("REDEEM -500", "EARN 12", "REDEEM_RETURNED 500",
                "EARN_REVERSED -12");
    }
}
