package io.storedesk.pos.drawer;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;

import io.storedesk.pos.support.Api;
import io.storedesk.pos.support.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A shift at the till: open with a float, sell, move cash, count blind, close; then the business
 * day's Z report. Each test works on a business day of its own (a settable clock).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"pos.data-dir=target/test-data/drawer-${random.uuid}"})
class DrawerShiftIntegrationTests {

    private static final AtomicInteger DAY = new AtomicInteger();

    @TestConfiguration
    static class Clocks {
        @Bean
        @Primary
        MutableClock testClock() {
            return new MutableClock(Instant.parse("2030-01-01T08:00:00Z"));
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    io.storedesk.pos.payment.CardPayments payments;
    Api api;
    LocalDate today;

    @BeforeEach
    void newBusinessDay() {
        api = new Api(port);
        today = LocalDate.of(2030, 1, 1).plusDays(DAY.incrementAndGet());
        clock.set(Instant.parse(today + "T08:00:00Z"));
    }

    private JsonNode sell(String drawer, String sku, int qty, String cash) {
        Api.Response r = api.post("/api/v1/sales", "clerk", """
                {"drawerId":"%s","lines":[{"sku":"%s","quantity":%d}],"tenders":[{"type":"CASH","amount":"%s"}]}"""
                .formatted(drawer, sku, qty, cash));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    private Api.Response open(String drawer, String user) {
        // 2 x 20 + 2 x 5 + 10 x 1 = 60.00
        return api.post("/api/v1/drawers/" + drawer + "/open", user, "{\"float\":{\"20.00\":2,\"5.00\":2,\"1.00\":10}}");
    }

    private Api.Response move(String drawer, String type, String amount, String reason) {
        return api.post("/api/v1/drawers/" + drawer + "/movements", "clerk",
                "{\"type\":\"%s\",\"amount\":\"%s\",\"reason\":\"%s\"}".formatted(type, amount, reason));
    }

    private Api.Response close(String drawer, String user, String counts, String approval) {
        return api.post("/api/v1/drawers/" + drawer + "/close", user,
                "{\"counted\":" + counts + (approval == null ? "" : ",\"approval\":" + approval) + "}");
    }

    @Test
    void aShiftWithSalesAndCashMovementsClosesBalanced() {
        assertThat(open("D1", "clerk").status()).isEqualTo(201);
        sell("D1", "EL-2002", 1, "50.00");      // 49.00 in cash
        JsonNode bread = sell("D1", "LV-1001", 2, "10.00");      // 3.78 -> 3.80 cash
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).until(() -> payments.status().signedOn());
        Api.Response card = api.post("/api/v1/sales", "clerk", """
                {"drawerId":"D1","lines":[{"sku":"LV-1011","quantity":1}],
                 "tenders":[{"type":"CARD","card":{"pan":"4761739001010010","expiry":"3012"}}]}""");
        assertThat(card.status()).as(card.body()).isEqualTo(201);   // 7.49 by card: no cash
        Api.Response refund = api.post("/api/v1/returns", "clerk", """
                {"receiptNumber":"%s","drawerId":"D1","lines":[{"lineNo":1,"quantity":1,"reason":"CHANGED_MIND",
                 "restock":true}],"refundMethod":"ORIGINAL"}""".formatted(bread.get("receiptNumber").asString()));
        assertThat(refund.status()).as(refund.body()).isEqualTo(201);
        assertThat(refund.text("refundTotal")).isEqualTo("1.90");   // one of two loaves, cash rounded as paid
        assertThat(move("D1", "PAID_IN", "20.00", "change from the safe").status()).isEqualTo(201);
        assertThat(move("D1", "PAID_OUT", "5.50", "window cleaner").status()).isEqualTo(201);
        assertThat(move("D1", "SAFE_DROP", "50.00", "mid-shift drop").status()).isEqualTo(201);

        JsonNode x = api.get("/api/v1/drawers/D1/x-report", "manager").json();
        assertThat(x.get("openingFloat").asString()).isEqualTo("60.00");
        assertThat(x.get("cashSales").asString()).isEqualTo("52.80");
        assertThat(x.get("cashRefunds").asString()).isEqualTo("1.90");
        assertThat(x.get("paidIn").asString()).isEqualTo("20.00");
        assertThat(x.get("paidOut").asString()).isEqualTo("5.50");
        assertThat(x.get("safeDrops").asString()).isEqualTo("50.00");
        // 60.00 + 52.80 - 1.90 + 20.00 - 5.50 - 50.00
        assertThat(x.get("expectedCash").asString()).isEqualTo("75.40");
        assertThat(x.get("tenders").get("CASH").asString()).isEqualTo("50.90");
        assertThat(x.get("tenders").get("CARD").asString()).isEqualTo("7.49");
        assertThat(x.get("transactions").asLong()).isEqualTo(4);

        // 3 x 20 + 1 x 10 + 1 x 5 + 0.20 + 2 x 0.10 = 75.40
        Api.Response closed = close("D1", "clerk", "{\"20.00\":3,\"10.00\":1,\"5.00\":1,\"0.20\":1,\"0.10\":2}", null);
        assertThat(closed.status()).as(closed.body()).isEqualTo(200);
        assertThat(closed.text("result")).isEqualTo("BALANCED");
        assertThat(closed.text("expectedCash")).isEqualTo("75.40");
        assertThat(closed.text("countedCash")).isEqualTo("75.40");
        assertThat(closed.text("variance")).isEqualTo("0.00");
        assertThat(closed.text("status")).isEqualTo("CLOSED");

        BigDecimal postings = jdbc.sql("SELECT SUM(p.amount) FROM drawer_posting p JOIN drawer_session s ON s.id = p.session_id "
                + "WHERE s.drawer_id = 'D1' AND s.business_date = ? AND p.tender = 'CASH'").param(today).query(BigDecimal.class).single();
        assertThat(postings.add(new BigDecimal("60.00"))).isEqualByComparingTo("75.40");
        assertThat(api.get("/api/v1/drawers/D1", "clerk").status()).isEqualTo(409);
    }

    @Test
    void aShortCountBeyondTheToleranceNeedsAManagerAndTheRefusalRevealsNothing() {
        open("D2", "clerk");
        sell("D2", "EL-2002", 1, "49.00");   // expected 60 + 49 = 109.00
        String shortByTen = "{\"50.00\":1,\"20.00\":2,\"5.00\":1,\"1.00\":4}"; // 99.00

        Api.Response refused = close("D2", "clerk", shortByTen, null);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.text("type")).endsWith("/problems/drawer-variance-needs-approval");
        assertThat(refused.body()).doesNotContain("109", "99.00", "10.00");

        Api.Response wrongPin = close("D2", "clerk", shortByTen, "{\"manager\":\"manager\",\"pin\":\"0000\"}");
        assertThat(wrongPin.status()).isEqualTo(403);

        Api.Response approved = close("D2", "clerk", shortByTen, "{\"manager\":\"manager\",\"pin\":\"1234\"}");
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(approved.text("result")).isEqualTo("SHORT");
        assertThat(approved.text("variance")).isEqualTo("-10.00");
        assertThat(approved.text("approvedBy")).isEqualTo("manager");
    }

    @Test
    void aSmallVarianceClosesWithoutApproval() {
        open("D3", "clerk");
        Api.Response closed = close("D3", "clerk", "{\"20.00\":2,\"5.00\":2,\"1.00\":12}", null); // 62.00
        assertThat(closed.status()).isEqualTo(200);
        assertThat(closed.text("result")).isEqualTo("OVER");
        assertThat(closed.text("variance")).isEqualTo("2.00");
    }

    @Test
    void theCloseIsBlindForClerks() {
        open("D4", "clerk");
        sell("D4", "LV-1002", 1, "5.00");

        Api.Response drawer = api.get("/api/v1/drawers/D4", "clerk");
        assertThat(drawer.status()).isEqualTo(200);
        assertThat(drawer.body()).doesNotContain("expected");
        assertThat(api.get("/api/v1/drawers/D4/x-report", "clerk").status()).isEqualTo(403);
        assertThat(close("D4", "clerk2", "{\"20.00\":3}", null).status()).isEqualTo(403);

        assertThat(close("D4", "manager", "{\"20.00\":3,\"1.00\":1,\"0.10\":3}", null).status()).isEqualTo(200);
    }

    @Test
    void cashMovementsAreValidated() {
        open("D1", "clerk");
        assertThat(move("D1", "PAID_OUT", "5.00", "").status()).isEqualTo(400);
        assertThat(move("D1", "SAFE_DROP", "1000.00", "too much").status()).isEqualTo(422);
        assertThat(move("D1", "SALE", "5.00", "not a movement").status()).isEqualTo(400);
        assertThat(move("D1", "PAID_IN", "-5.00", "negative").status()).isEqualTo(400);
        assertThat(open("D1", "clerk").status()).isEqualTo(409);
        close("D1", "clerk", "{\"20.00\":2,\"5.00\":2,\"1.00\":10}", null);
        assertThat(api.post("/api/v1/drawers/D2/open", "clerk", "{\"float\":{\"3.00\":1}}").status()).isEqualTo(400);
    }

    @Test
    void theZReportTotalsTheDayAndTheClosedDayTakesNoMorePostings() {
        open("D1", "clerk");
        open("D2", "clerk2");
        JsonNode a = sell("D1", "LV-1001", 2, "10.00");    // 3.78 (12 %), cash 3.80
        JsonNode b = sell("D2", "EL-2002", 1, "49.00");    // 49.00 (21 %)
        JsonNode c = sell("D2", "LV-1008", 1, "2.20");     // 2.19 (21 %), cash 2.20

        assertThat(api.post("/api/v1/business-days/" + today + "/close", "manager", "").status()).isEqualTo(409);
        Api.Response ret = api.post("/api/v1/returns", "clerk", """
                {"receiptNumber":"%s","drawerId":"D1","lines":[{"lineNo":1,"quantity":2,"reason":"DEFECTIVE",
                 "restock":false}],"refundMethod":"ORIGINAL"}""".formatted(a.get("receiptNumber").asString()));
        assertThat(ret.status()).as(ret.body()).isEqualTo(201);
        assertThat(ret.text("refundTotal")).isEqualTo("3.80");                       // cash paid back as paid
        close("D1", "clerk", "{\"20.00\":3}", null);  // 60.00 + 3.80 - 3.80
        close("D2", "clerk2", "{\"50.00\":2,\"10.00\":1,\"1.00\":1,\"0.20\":1}", null);        // 111.20

        assertThat(api.post("/api/v1/business-days/" + today + "/close", "clerk", "").status()).isEqualTo(403);
        Api.Response z = api.post("/api/v1/business-days/" + today + "/close", "manager", "");
        assertThat(z.status()).as(z.body()).isEqualTo(201);
        JsonNode report = z.json();
        assertThat(report.get("zNumber").asLong()).isPositive();
        assertThat(report.get("salesCount").asLong()).isEqualTo(3);
        BigDecimal sum = new BigDecimal(a.get("total").asString()).add(new BigDecimal(b.get("total").asString()))
                .add(new BigDecimal(c.get("total").asString()));
        assertThat(new BigDecimal(report.get("salesTotal").asString())).isEqualByComparingTo(sum);
        assertThat(report.get("salesTotal").asString()).isEqualTo("54.97");
        assertThat(report.get("returns").asString()).isEqualTo("3.80");
        assertThat(report.get("returnsCount").asLong()).isEqualTo(1);
        assertThat(report.get("netSales").asString()).isEqualTo("51.17");
        assertThat(report.get("tenders").get("CASH").asString()).isEqualTo("55.00");
        assertThat(report.get("cashRounding").asString()).isEqualTo("0.03");
        assertThat(report.get("taxByRate").get("21").get("gross").asString()).isEqualTo("51.19");
        assertThat(report.get("taxByRate").get("12").get("gross").asString()).isEqualTo("3.78");
        assertThat(report.get("byDepartment").get("ELECTRONICS").asString()).isEqualTo("49.00");
        assertThat(report.get("drawers")).hasSize(2);
        assertThat(report.get("variancesByUser").get("clerk").asString()).isEqualTo("0.00");

        assertThat(api.get("/api/v1/reports/z?date=" + today, "office").json()).isEqualTo(report);
        jdbc.sql("SELECT l.tax_rate, SUM(l.net) FROM sale_line l JOIN sale s ON s.id = l.sale_id WHERE s.business_date = ? "
                + "GROUP BY l.tax_rate").param(today).query(rs -> {
                    String rate = rs.getBigDecimal(1).stripTrailingZeros().toPlainString();
                    assertThat(new BigDecimal(report.get("taxByRate").get(rate).get("gross").asString()))
                            .isEqualByComparingTo(rs.getBigDecimal(2));
                });
        Api.Response reopen = open("D1", "clerk");
        assertThat(reopen.status()).isEqualTo(409);
        assertThat(reopen.text("type")).endsWith("/problems/business-day-closed");
        assertThat(api.post("/api/v1/business-days/" + today + "/close", "manager", "").status()).isEqualTo(409);
        Api.Response late = api.post("/api/v1/sales", "clerk", """
                {"drawerId":"D1","lines":[{"sku":"LV-1001","quantity":1}],"tenders":[{"type":"CASH","amount":"5.00"}]}""");
        assertThat(late.status()).isEqualTo(409);
    }

    @Test
    void aPostVoidedSaleIsOutOfTheZTotalsAndCountedAmongTheVoids() {
        open("D3", "clerk");
        JsonNode kept = sell("D3", "LV-1008", 1, "5.00");     // 2.19, cash 2.20
        JsonNode voided = sell("D3", "EL-2002", 1, "50.00");  // 49.00
        Api.Response v = api.post("/api/v1/sales/" + voided.get("receiptNumber").asString() + "/void", "clerk",
                "{\"reason\":\"rang up twice\",\"approval\":{\"manager\":\"manager\",\"pin\":\"1234\"}}");
        assertThat(v.status()).as(v.body()).isEqualTo(200);
        assertThat(api.get("/api/v1/drawers/D3/x-report", "manager").text("expectedCash")).isEqualTo("62.20");
        Api.Response closed = close("D3", "clerk", "{\"20.00\":3,\"1.00\":2,\"0.20\":1}", null);
        assertThat(closed.status()).as(closed.body()).isEqualTo(200);
        assertThat(closed.text("result")).isEqualTo("BALANCED");

        Api.Response z = api.post("/api/v1/business-days/" + today + "/close", "manager", "");

        assertThat(z.status()).as(z.body()).isEqualTo(201);
        assertThat(z.json().get("salesCount").asLong()).isOne();
        assertThat(z.text("salesTotal")).isEqualTo(kept.get("total").asString());
        assertThat(z.text("voids")).isEqualTo("49.00");
        assertThat(z.json().get("voidsCount").asLong()).isOne();
        assertThat(z.json().get("tenders").get("CASH").asString()).isEqualTo("2.20");
        assertThat(z.json().get("byDepartment").has("ELECTRONICS")).isFalse();
        assertThat(z.json().get("taxByRate").get("21").get("gross").asString()).isEqualTo("2.19");
    }

    @Test
    void aNoSaleOpenIsJournaledWithWhoAndWhy() {
        open("D3", "clerk");
        Api.Response r = api.post("/api/v1/drawers/D3/no-sale", "clerk", "{\"reason\":\"customer needed change for parking\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        String payload = jdbc.sql("SELECT payload FROM journal_entry WHERE chain = 'R03' AND seq = ? AND type = 'NO_SALE' AND actor = 'clerk'")
                .param(r.json().get("journalSequence").asLong()).query(String.class).single();
        assertThat(payload).contains("customer needed change for parking");
        assertThat(api.post("/api/v1/drawers/D3/no-sale", "clerk", "{\"reason\":\"\"}").status()).isEqualTo(400);
        close("D3", "clerk", "{\"20.00\":2,\"5.00\":2,\"1.00\":10}", null);
    }

    @Test
    void zNumbersFollowEachOther() {
        Api.Response first = api.post("/api/v1/business-days/" + today + "/close", "manager", "");
        clock.set(Instant.parse(today.plusDays(100) + "T08:00:00Z"));
        Api.Response second = api.post("/api/v1/business-days/" + today.plusDays(100) + "/close", "manager", "");
        assertThat(second.json().get("zNumber").asLong()).isEqualTo(first.json().get("zNumber").asLong() + 1);
        assertThat(api.get("/api/v1/reports/z?date=2029-01-01", "manager").status()).isEqualTo(404);
    }
}
