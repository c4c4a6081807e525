package io.storedesk.pos.reliability;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;

import javax.sql.DataSource;

import io.storedesk.pos.payment.CardPayments;
import io.storedesk.pos.payment.simulator.AcquirerSimulator;
import io.storedesk.pos.support.Api;
import io.storedesk.pos.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Faults a store meets, over HTTP: the database locked by someone else (a clear 503, nothing
 * half-written, no receipt number lost) and an acquirer answering garbage (the charge is treated
 * as unknown and reversed, the sale is not completed, the link recovers).
 */
class FaultIntegrationTests extends IntegrationTest {

    static final String VISA = "4761739001010010";

    @Autowired
    DataSource dataSource;
    @Autowired
    AcquirerSimulator simulator;
    @Autowired
    CardPayments payments;

    private Api.Response cashSale(String drawer) {
        return api.post("/api/v1/sales", "clerk", """
                {"drawerId":"%s","lines":[{"sku":"LV-1001","quantity":1}],"tenders":[{"type":"CASH","amount":"2.00"}]}"""
                .formatted(drawer));
    }

    private static long sequence(String receiptNumber) {
        return Long.parseLong(receiptNumber.substring(receiptNumber.lastIndexOf('-') + 1));
    }

    @Test
    void aLockedDatabaseGivesAClearBusyErrorAndLosesNoReceiptNumber() throws Exception {
        ensureOpen("D1");
        Api.Response first = cashSale("D1");
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        long sales = count("sale");

        Api.Response blocked;
        try (Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            try (PreparedStatement lock = other.prepareStatement(
                    "SELECT id FROM drawer_session WHERE open_marker = 'D1' FOR UPDATE");
                    ResultSet rs = lock.executeQuery()) {
                assertThat(rs.next()).isTrue();
                blocked = cashSale("D1");
            }
            other.rollback();
        }

        assertThat(blocked.status()).as(blocked.body()).isEqualTo(503);
        assertThat(blocked.contentType()).startsWith("application/problem+json");
        assertThat(blocked.text("detail")).containsIgnoringCase("nothing was saved");
        assertThat(count("sale")).isEqualTo(sales);
        Api.Response next = cashSale("D1");
        assertThat(next.status()).as(next.body()).isEqualTo(201);
        assertThat(sequence(next.text("receiptNumber"))).isEqualTo(sequence(first.text("receiptNumber")) + 1);
    }

    @Test
    void anAcquirerAnsweringGarbageLeadsToAReversalAndNoSale() {
        ensureOpen("D3");
        await().atMost(Duration.ofSeconds(20)).until(() -> payments.status().signedOn());
        simulator.clearReceived();
        long sales = count("sale");

        Api.Response r = api.post("/api/v1/sales", "clerk", """
                {"drawerId":"D3","lines":[{"sku":"EL-2002","quantity":2}],
                 "tenders":[{"type":"CARD","amount":"77.77","card":{"pan":"%s","expiry":"3012"}},
                            {"type":"CASH","amount":"20.25"}]}""".formatted(VISA));

        assertThat(r.status()).as(r.body()).isIn(502, 503);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(count("sale")).isEqualTo(sales);
        await().atMost(Duration.ofSeconds(30)).until(() -> simulator.received().stream()
                .anyMatch(m -> m.mti().startsWith("040") && "000000007777".equals(m.fields().get(4))));
        await().atMost(Duration.ofSeconds(30)).until(() -> payments.status().signedOn());
        Api.Response after = api.post("/api/v1/sales", "clerk", """
                {"drawerId":"D3","lines":[{"sku":"EL-2002","quantity":1}],
                 "tenders":[{"type":"CARD","card":{"pan":"%s","expiry":"3012"}}]}""".formatted(VISA));
        assertThat(after.status()).as(after.body()).isEqualTo(201);
    }
}
