package io.storedesk.pos.returns;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.storedesk.pos.support.Api;
import io.storedesk.pos.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Receipted returns of cash sales over HTTP at drawer D2; the demo store rounds cash to 0.05 EUR,
 * so cash refunds are rounded the same way, over all the returns of a sale together.
 */
class CashReturnIntegrationTests extends IntegrationTest {

    @BeforeEach
    void openDrawer() {
        ensureOpen("D2");
    }


    private Api.Response returnOf(String receipt, int lineNo, int quantity, String extra) {
        return returnOf(receipt, lineNo, quantity, extra, "clerk");
    }

    private Api.Response returnOf(String receipt, int lineNo, int quantity, String extra, String user) {
        return api.post("/api/v1/returns", user, """
                {"receiptNumber":"%s","drawerId":"D2","lines":[{"lineNo":%d,"quantity":%d,"reason":"DEFECTIVE",
                 "restock":false}]%s}""".formatted(receipt, lineNo, quantity, extra));
    }

    private int returned(String receipt, int lineNo) {
        return api.get("/api/v1/sales/" + receipt, "clerk").json().get("lines").get(lineNo - 1)
                .get("returnedQuantity").asInt();
    }

    private long returnsOf(String receipt) {
        return jdbc.sql("SELECT COUNT(*) FROM sale_return WHERE receipt_number = ?").param(receipt)
                .query(Long.class).single();
    }

    @Test
    void fullReturnOfACashSaleRefundsExactlyWhatWasPaid() {
        // 1.89 is paid as 1.90 in cash
        String receipt = cashSale("D2", "LV-1001", 1, "2.00");

        Api.Response r = returnOf(receipt, 1, 1, "");

        assertThat(r.status()).as(r.body()).isEqualTo(201);
        JsonNode body = r.json();
        String returnNumber = body.get("returnNumber").asString();
        assertThat(returnNumber).matches("S001-R02-RET-\\d{6}");
        assertThat(body.get("receiptNumber").asString()).isEqualTo(receipt);
        assertThat(body.get("refundTotal").asString()).isEqualTo("1.90");
        assertThat(body.get("cashRounding").asString()).isEqualTo("0.01");
        assertThat(body.get("refunds")).singleElement().satisfies(f -> {
            assertThat(f.get("type").asString()).isEqualTo("CASH");
            assertThat(f.get("amount").asString()).isEqualTo("1.90");
        });
        assertThat(body.get("lines")).singleElement().satisfies(l -> {
            assertThat(l.get("lineNo").asInt()).isEqualTo(1);
            assertThat(l.get("quantity").asInt()).isEqualTo(1);
            assertThat(l.get("refund").asString()).isEqualTo("1.89");
        });
        assertThat(returned(receipt, 1)).isEqualTo(1);
        assertThat(api.get("/api/v1/returns/" + returnNumber, "clerk").body()).isEqualTo(r.body());
        assertThat(jdbc.sql("SELECT amount FROM drawer_posting WHERE type = 'REFUND' AND reference = ?")
                .param(returnNumber).query(java.math.BigDecimal.class).single()).isEqualByComparingTo("-1.90");
        assertThat(jdbc.sql("SELECT chain FROM journal_entry WHERE type = 'RETURN_COMPLETED' AND reference = ?")
                .param(returnNumber).query(String.class).single()).isEqualTo("R02");
        assertThat(api.get("/api/v1/returns/S001-R02-RET-999999", "clerk").status()).isEqualTo(404);
    }

    @Test
    void aPartialReturnThenTheRestRefundsTheSaleExactlyOnce() {
        // 3 x 1.89 = 5.67, paid 5.65 in cash
        String receipt = cashSale("D2", "LV-1001", 3, "5.65");

        Api.Response first = returnOf(receipt, 1, 1, "");
        Api.Response rest = returnOf(receipt, 1, 2, "");

        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(first.text("refundTotal")).isEqualTo("1.90");
        assertThat(rest.status()).as(rest.body()).isEqualTo(201);
        assertThat(rest.json().get("lines").get(0).get("refund").asString()).isEqualTo("3.78");
        assertThat(rest.text("refundTotal")).isEqualTo("3.75");
        assertThat(returned(receipt, 1)).isEqualTo(3);
        assertThat(returnOf(receipt, 1, 1, "").text("type")).endsWith("/problems/return-quantity-exceeded");
    }

    @Test
    void returningMoreThanWasSoldIsRefusedAndNothingIsStored() {
        String receipt = cashSale("D2", "LV-1005", 2, "2.00");
        long postings = count("drawer_posting");

        Api.Response r = returnOf(receipt, 1, 3, "");

        assertThat(r.status()).as(r.body()).isEqualTo(422);
        assertThat(r.text("type")).endsWith("/problems/return-quantity-exceeded");
        assertThat(r.text("detail")).contains("Line 1", "only 2 left");
        assertThat(returnsOf(receipt)).isZero();
        assertThat(returned(receipt, 1)).isZero();
        assertThat(count("drawer_posting")).isEqualTo(postings);
    }

    @Test
    void concurrentReturnsOfOneLineNeverExceedTheSoldQuantity() throws Exception {
        String receipt = cashSale("D2", "LV-1002", 3, "5.00");
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Api.Response>> results = new ArrayList<>();
        try {
            for (int i = 0; i < 8; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return returnOf(receipt, 1, 1, "");
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Api.Response> f : results) {
                statuses.add(f.get().status());
            }
            assertThat(statuses).filteredOn(s -> s == 201).hasSize(3);
            assertThat(statuses).filteredOn(s -> s == 422).hasSize(5);
        } finally {
            io.storedesk.pos.support.Pools.stop(pool);
        }
        assertThat(returned(receipt, 1)).isEqualTo(3);
        assertThat(returnsOf(receipt)).isEqualTo(3);
    }

    @Test
    void aReturnAfterTheWindowNeedsAManagersApproval() {
        String receipt = cashSale("D2", "LV-1010", 1, "1.00");
        LocalDate longAgo = LocalDate.now(ZoneId.of("Europe/Riga")).minusDays(31);
        jdbc.sql("UPDATE sale SET business_date = ? WHERE receipt_number = ?").params(longAgo, receipt).update();

        Api.Response refused = returnOf(receipt, 1, 1, "");
        Api.Response approved = returnOf(receipt, 1, 1, ",\"approval\":{\"manager\":\"manager\",\"pin\":\"1234\"}");

        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.text("type")).endsWith("/problems/return-window-expired");
        assertThat(approved.status()).as(approved.body()).isEqualTo(201);
        assertThat(approved.text("approvedBy")).isEqualTo("manager");
        assertThat(approved.text("refundTotal")).isEqualTo("1.00");
    }

    @Test
    void headOfficeCannotTakeOrReadReturns() {
        String receipt = cashSale("D2", "LV-1010", 1, "1.00");

        assertThat(returnOf(receipt, 1, 1, "", "office").status()).isEqualTo(403);
        assertThat(returnOf(receipt, 1, 1, "", "admin").status()).isEqualTo(403);
        assertThat(api.get("/api/v1/returns/S001-R02-RET-000001", "office").status()).isEqualTo(403);
        assertThat(returnsOf(receipt)).isZero();
    }
}
