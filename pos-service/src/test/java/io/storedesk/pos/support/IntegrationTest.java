package io.storedesk.pos.support;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Base of integration tests that share one running service (one Spring context, one H2 file
 * database in a fresh directory, the real config/ of the demo store) on a random port.
 * Tests must not depend on each other's data: they count what they create.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"pos.data-dir=target/test-data/shared-${random.uuid}", "pos.payment.timeout=2s",
                "pos.payment.simulator.delay=4s", "pos.payment.reversal.poll-interval=200ms",
                "pos.payment.reversal.retry-delay=200ms",
                // Users only the sign-in abuse tests use (lockouts last 15 minutes): password = name.
                "pos.identity.users.lockcase.password={bcrypt}$2a$10$4VKgXS0sYZPtktGasa.HZO3D0suOoK35vlqpbm5AyshuU.mg9z1n2",
                "pos.identity.users.lockcase.roles=CLERK",
                "pos.identity.users.guesser.password={bcrypt}$2a$10$VpE/twJaHXi0EeUffY/4vOMxqyHq2FN/3QbN..HC7U2wvnnd4KDOW",
                "pos.identity.users.guesser.roles=CLERK",
                // PIN 2468
                "pos.identity.users.pinguard.password={bcrypt}$2a$10$xZuBjfyc7nuUjhEoWcoheuYCBNQoTebmROE.5IEtZ9oZ/wiURFaEm",
                "pos.identity.users.pinguard.pin={bcrypt}$2a$10$CWOOiRCVUkADYu1pCXBm6.rgOJ2NCSVKxCbhbfdH7Og9Fhjebk2fq",
                "pos.identity.users.pinguard.roles=MANAGER"})
public abstract class IntegrationTest {

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcClient jdbc;

    protected Api api;

    @BeforeEach
    void connect() {
        api = new Api(port);
    }

    /** Opens the drawer with a 50.00 float unless it is open already. */
    protected void ensureOpen(String drawerId) {
        api.ensureOpen(drawerId);
    }

    /** A cash sale of one item at the drawer; fails the test unless it completed. @return its receipt number */
    protected String cashSale(String drawerId, String sku, int quantity, String cash) {
        Api.Response r = api.post("/api/v1/sales", "clerk", """
                {"drawerId":"%s","lines":[{"sku":"%s","quantity":%d}],"tenders":[{"type":"CASH","amount":"%s"}]}"""
                .formatted(drawerId, sku, quantity, cash));
        org.assertj.core.api.Assertions.assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.text("receiptNumber");
    }

    /**
     * Runs {@code call} on {@code threads} threads released together by a barrier (as many clients
     * sending at the same moment) and returns the answers.
     */
    protected static <T> java.util.List<T> atOnce(int threads, java.util.function.IntFunction<T> call) throws Exception {
        java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(threads);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        try {
            java.util.List<java.util.concurrent.Future<T>> futures = new java.util.ArrayList<>();
            for (int i = 0; i < threads; i++) {
                int n = i;
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.apply(n);
                }));
            }
            java.util.List<T> results = new java.util.ArrayList<>();
            for (var f : futures) {
                results.add(f.get(120, java.util.concurrent.TimeUnit.SECONDS));
            }
            return results;
        } finally {
            Pools.stop(pool);
        }
    }

    protected long count(String table) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
    }
}
