package io.storedesk.pos.loyalty.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import io.storedesk.pos.common.Money;
import io.storedesk.pos.loyalty.LoyaltyAccounts;
import io.storedesk.pos.sale.TenderRequest;
import io.storedesk.pos.sale.TenderType;
import io.storedesk.pos.support.Api;
import io.storedesk.pos.support.MutableClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Points expire pos.loyalty.expiry-months (24) after the sale that earned them, oldest points
 * spent first. The service runs on a settable clock; the expiry job is called directly.
 * (In this package to reach the job and the tender, which are the module's internals.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"pos.data-dir=target/test-data/loyalty-expiry-${random.uuid}"})
class LoyaltyExpiryIntegrationTests {

    @TestConfiguration
    static class Clocks {
        @Bean
        @Primary
        MutableClock testClock() {
            return new MutableClock(Instant.parse("2031-03-10T09:00:00Z"));
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    MutableClock clock;
    @Autowired
    LoyaltyAccounts accounts;
    @Autowired
    PointsExpiry expiry;
    @Autowired
    PointsTender points;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    LoyaltyLedger ledger;

    @Test
    void earnedPointsExpireAfterTheConfiguredMonthsExceptWhatWasSpentOrTakenBack() {
        Api api = new Api(port);
        String card = "7700000000001";
        // head office knew 100 points on the card
        Api.Response sale = saleOnCard(api, card, "Jana Svobodová", 100, "2031-03-10T09:00:00Z", "LV-1009", 3, "54.00");
        // 3 x 17.99 = 53.97 -> 53 points; one bottle comes back: 18 of them go again
        assertThat(sale.json().get("pointsEarned").asInt()).isEqualTo(53);
        Api.Response returned = api.post("/api/v1/returns", "clerk", """
                {"receiptNumber":"%s","drawerId":"D4","lines":[{"lineNo":1,"quantity":1,"reason":"DEFECTIVE",
                 "restock":false}],"refundMethod":"CASH"}""".formatted(sale.text("receiptNumber")));
        assertThat(returned.status()).as(returned.body()).isEqualTo(201);
        assertThat(balance(api, card)).isEqualTo(135);

        // 110 points are spent: the 100 of the snapshot first, then 10 of the 35 earned
        tx.executeWithoutResult(t -> points.redeem(new TenderRequest(TenderType.LOYALTY_POINTS, null, null, 110, card),
                Money.of("1.10", java.util.Currency.getInstance("EUR")), "S001-R04-TEST-000001", "clerk"));
        assertThat(balance(api, card)).isEqualTo(25);

        // a day before the 24 months are up nothing expires
        assertThat(expiry.expire(Clock.fixed(Instant.parse("2033-03-09T09:00:00Z"), ZoneOffset.UTC))).isZero();
        assertThat(balance(api, card)).isEqualTo(25);

        // once they are up, the 25 earned points left expire
        clock.set(Instant.parse("2033-03-10T09:00:01Z"));
        assertThat(expiry.expire(clock)).isEqualTo(25);
        JsonNode after = api.get("/api/v1/loyalty/" + card, "clerk").json();
        assertThat(after.get("balance").asLong()).isZero();
        JsonNode latest = api.get("/api/v1/loyalty/" + card + "/entries", "clerk").json().get(0);
        assertThat(latest.get("type").asString()).isEqualTo("EXPIRE");
        assertThat(latest.get("points").asLong()).isEqualTo(-25);
        assertThat(latest.get("document").asString()).isEqualTo("EXPIRY-2033-03-10");

        // running the job again expires nothing more
        assertThat(expiry.expire(clock)).isZero();
        assertThat(balance(api, card)).isZero();
    }

    @Test
    void pointsEarnedHereExpireWhileTheSnapshotIsLeftToHeadOffice() {
        Api api = new Api(port);
        String card = "7700000000002";
        saleOnCard(api, card, "Pēteris Ozols", 40, "2031-03-10T10:00:00Z", "LV-1013", 1, "13.00");
        assertThat(balance(api, card)).isEqualTo(52);

        clock.set(Instant.parse("2033-03-10T10:00:00Z"));
        assertThat(expiry.expire(clock)).isEqualTo(12);

        assertThat(balance(api, card)).isEqualTo(40);
    }

    @Test
    void anEarnHeadOfficeAcknowledgedIsHeadOfficesToExpireEvenBeforeItsSnapshotCame() {
        Api api = new Api(port);
        String card = "7700000000003";
        Api.Response sale = saleOnCard(api, card, "Rūta Liepa", 40, "2031-03-10T11:00:00Z", "LV-1013", 1, "13.00");
        assertThat(balance(api, card)).isEqualTo(52);
        // head office acknowledges the batch with the earn (the sync worker's step after a 200); the
        // snapshot including it has not come yet
        java.util.List<String> ids = ledger.ofSale(sale.text("receiptNumber"), EntryType.EARN).stream()
                .map(e -> e.id().toString()).toList();
        assertThat(ids).hasSize(1);
        tx.executeWithoutResult(t -> accounts.markSynced(ids, clock.instant()));

        // once due, the store leaves these points to head office, which holds them and expires them
        clock.set(Instant.parse("2033-03-10T11:00:01Z"));
        assertThat(expiry.expire(clock)).isZero();
        assertThat(balance(api, card)).isEqualTo(52);
    }

    /**
     * A card head office knew with {@code snapshotPoints} (snapshot of 1 March 2031), then at {@code at} a sale of
     * {@code quantity} x {@code sku} on it at drawer D4, paid with {@code cash}: the sale, created.
     */
    private Api.Response saleOnCard(Api api, String card, String holder, long snapshotPoints, String at, String sku,
            int quantity, String cash) {
        accounts.importSnapshot(new LoyaltyAccounts.Snapshot(card, null, holder, null, snapshotPoints,
                OffsetDateTime.parse("2031-03-01T00:00:00Z")));
        clock.set(Instant.parse(at));
        ensureOpen(api);
        Api.Response sale = api.post("/api/v1/sales", "clerk", """
                {"drawerId":"D4","loyaltyCard":"%s","lines":[{"sku":"%s","quantity":%d}],
                 "tenders":[{"type":"CASH","amount":"%s"}]}""".formatted(card, sku, quantity, cash));
        assertThat(sale.status()).as(sale.body()).isEqualTo(201);
        return sale;
    }

    private static void ensureOpen(Api api) {
        if (api.get("/api/v1/drawers/D4", "clerk").status() != 200) {
            assertThat(api.post("/api/v1/drawers/D4/open", "clerk", "{\"float\":{\"20.00\":2}}").status())
                    .isEqualTo(201);
        }
    }

    private static long balance(Api api, String card) {
        return api.get("/api/v1/loyalty/" + card, "clerk").json().get("balance").asLong();
    }
}
