package io.storedesk.pos.sale;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.storedesk.pos.support.Api;
import io.storedesk.pos.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Repeats never sell twice, and receipt numbers have no gaps under concurrency. */
class SaleIdempotencyAndNumberingIntegrationTests extends IntegrationTest {

    private static final String SALE = """
            {"drawerId":"D2","lines":[{"sku":"LV-1002","quantity":1}],"tenders":[{"type":"CASH","amount":"5.00"}]}""";

    @Test
    void repeatWithTheSameKeyReturnsTheFirstSale() {
        ensureOpen("D2");
        long before = count("sale");
        Api.Response first = api.postIdempotent("/api/v1/sales", "clerk", "repeat-1", SALE);
        Api.Response again = api.postIdempotent("/api/v1/sales", "clerk", "repeat-1", SALE);

        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(again.headers().get("idempotent-replayed")).isEqualTo("true");
        assertThat(count("sale")).isEqualTo(before + 1);
    }

    @Test
    void sameKeyWithAnotherBodyIsRefused() {
        ensureOpen("D2");
        api.postIdempotent("/api/v1/sales", "clerk", "reuse-1", SALE);
        long before = count("sale");
        Api.Response other = api.postIdempotent("/api/v1/sales", "clerk", "reuse-1", SALE.replace("\"quantity\":1", "\"quantity\":2"));

        assertThat(other.status()).isEqualTo(422);
        assertThat(other.text("type")).endsWith("/problems/idempotency-key-reused");
        assertThat(count("sale")).isEqualTo(before);
    }

    @Test
    void identicalRequestsRacingEachOtherSellOnce() throws Exception {
        ensureOpen("D2");
        long before = count("sale");
        List<Api.Response> responses = concurrently(8, i -> api.postIdempotent("/api/v1/sales", "clerk", "race-1", SALE));

        assertThat(responses).allSatisfy(r -> assertThat(r.status()).as(r.body()).isEqualTo(201));
        assertThat(responses.stream().map(r -> r.text("receiptNumber")).distinct()).hasSize(1);
        assertThat(count("sale")).isEqualTo(before + 1);
    }

    @Test
    void receiptNumbersAreGaplessPerRegisterUnderEightConcurrentClients() throws Exception {
        ensureOpen("D3");
        List<Api.Response> responses = concurrently(8, client -> {
            List<Api.Response> mine = new ArrayList<>();
            for (int i = 0; i < 25; i++) {
                mine.add(api.post("/api/v1/sales", "clerk", SALE.replace("D2", "D3")));
            }
            return mine;
        }).stream().flatMap(List::stream).toList();

        assertThat(responses).hasSize(200).allSatisfy(r -> assertThat(r.status()).as(r.body()).isEqualTo(201));
        Set<String> receipts = new HashSet<>(responses.stream().map(r -> r.text("receiptNumber")).toList());
        assertThat(receipts).hasSize(200);
        List<Long> sequences = jdbc.sql("SELECT register_seq FROM sale WHERE register_id = 'R03' ORDER BY register_seq")
                .query(Long.class).list();
        for (int i = 0; i < sequences.size(); i++) {
            assertThat(sequences.get(i)).isEqualTo(i + 1L);
        }
        assertThat(sequences.size()).isGreaterThanOrEqualTo(200);
        List<Long> journal = jdbc.sql("SELECT seq FROM journal_entry WHERE chain = 'R03' ORDER BY seq").query(Long.class).list();
        for (int i = 0; i < journal.size(); i++) {
            assertThat(journal.get(i)).isEqualTo(i + 1L);
        }
        assertThat(api.get("/api/v1/journal/verify", "manager").json().get("valid").asBoolean()).isTrue();
    }

    private <T> List<T> concurrently(int clients, ClientWork<T> work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int client = c;
                futures.add(pool.submit((Callable<T>) () -> {
                    start.await();
                    return work.run(client);
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get(300, TimeUnit.SECONDS));   // a bound for a hang, not a speed: 200 sales took over 60 s at load 28
            }
            return results;
        } finally {
            io.storedesk.pos.support.Pools.stop(pool);
        }
    }

    interface ClientWork<T> {
        T run(int client) throws Exception;
    }
}
