package io.storedesk.pos.reliability;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

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
 * as unknown and reversed, the sale is not completed, the link recovers), and a thread interrupted
 * while it writes to the embedded database (a scheduled job cancelled at shutdown, a library's
 * timeout): the database stays open for every other request.
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

    @Test
    void aThreadInterruptedWhileItWritesLeavesTheDatabaseOpen() throws Exception {
        ensureOpen("D1");
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicInteger commits = new AtomicInteger();
        AtomicBoolean stop = new AtomicBoolean();
        try (Connection setup = dataSource.getConnection()) {
            setup.createStatement().execute("CREATE TABLE interrupt_probe (id INT AUTO_INCREMENT PRIMARY KEY, v VARCHAR(40))");
        }
        try {
            Thread writer = new Thread(() -> {
                try (Connection c = dataSource.getConnection();
                        PreparedStatement insert = c.prepareStatement("INSERT INTO interrupt_probe (v) VALUES (?)")) {
                    while (!stop.get()) {
                        insert.setString(1, "row " + commits.get());
                        insert.executeUpdate(); // auto-commit: one durable commit each
                        commits.incrementAndGet();
                        Thread.interrupted(); // the flag H2 kept for us; the next interrupt comes fresh
                    }
                } catch (Throwable t) {
                    failure.set(t);
                }
            }, "interrupted-writer");
            writer.start();
            // Interrupts every ~0.2 ms while the writer commits: with H2's plain file channel the
            // first one that lands inside a write closes the channel, and H2 the whole database.
            for (int sent = 0; sent < 2_000 && writer.isAlive(); sent++) {
                writer.interrupt();
                Thread.sleep(0, 200_000);
            }
            stop.set(true);
            writer.join(30_000);
            assertThat(failure.get()).as("the interrupted writer's commits").isNull();
            assertThat(commits.get()).isPositive();
            assertThat(count("interrupt_probe")).isEqualTo(commits.get());
            Api.Response sale = cashSale("D1");
            assertThat(sale.status()).as(sale.body()).isEqualTo(201);
        } finally {
            try (Connection cleanup = dataSource.getConnection()) {
                cleanup.createStatement().execute("DROP TABLE IF EXISTS interrupt_probe");
            }
        }
    }
}
