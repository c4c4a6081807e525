package io.storedesk.pos.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import io.storedesk.pos.PosApplication;
import io.storedesk.pos.support.Postgres;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Head-office ingest: starts the head-office role on a fresh embedded PostgreSQL 14, then one
 * store drains its outbox over loopback HTTP: {@code -Dbench.ho.events} (100,000) events in
 * batches of {@code -Dbench.ho.batch} (500), one batch after the other as a store pushes them.
 * Four in five events are 3-line sales, one in five a loyalty entry. Then the last batch again
 * (all duplicates). Prints events/s and writes {@code target/bench-head-office.txt}.
 * Target: 100,000 events in under 60 s (>= 5,000 events/s would be comfortable).
 */
public final class HeadOfficeIngestBenchmark {

    private HeadOfficeIngestBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int total = Integer.getInteger("bench.ho.events", 100_000);
        int batchSize = Integer.getInteger("bench.ho.batch", 500);
        String url = Postgres.newDatabase("hobench");
        ConfigurableApplicationContext app = SpringApplication.run(PosApplication.class, "--server.port=0",
                "--spring.profiles.active=head-office", "--spring.datasource.url=" + url,
                "--spring.datasource.username=postgres", "--spring.datasource.password=",
                "--pos.data-dir=target/bench-data/ho-" + System.currentTimeMillis(), "--logging.level.root=WARN",
                "--spring.main.banner-mode=off");
        try {
            int port = app.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            List<String> batches = new ArrayList<>();
            int n = 0;
            while (n < total) {
                List<String> events = new ArrayList<>();
                for (int i = 0; i < batchSize && n < total; i++, n++) {
                    events.add(n % 5 == 4 ? loyalty(n) : sale(n));
                }
                batches.add("{\"events\":[" + String.join(",", events) + "]}");
            }
            // warm-up: one small batch
            send(http, port, "{\"events\":[" + sale(-1) + "]}");
            long t0 = System.nanoTime();
            for (String b : batches) {
                send(http, port, b);
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            long t1 = System.nanoTime();
            String again = send(http, port, batches.get(batches.size() - 1));
            double resend = (System.nanoTime() - t1) / 1e6;
            String report = String.format(Locale.ROOT,
                    "Head-office ingest on PostgreSQL 14 (embedded), loopback HTTP, one store, batches of %d:%n"
                            + "  %,d events in %.1f s = %,.0f events/s (target: 100,000 in < 60 s)%n"
                            + "  resending the last batch: %.0f ms, %s%n",
                    batchSize, total, seconds, total / seconds, resend, again);
            System.out.print(report);
            Files.writeString(Path.of("target", "bench-head-office.txt"), report);
        } finally {
            app.close();
        }
        System.exit(0);
    }

    private static String send(HttpClient http, int port, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/ho/v1/stores/S001/events"))
                .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
                .header("X-Store-Id", "S001").header("X-Store-Key", "demo-key-S001")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(r.statusCode() + " " + r.body());
        }
        return r.body();
    }

    private static String event(String type, String payload) {
        return "{\"eventId\":\"%s\",\"type\":\"%s\",\"occurredAt\":\"2026-11-24T09:15:02.123456Z\",\"payload\":%s}"
                .formatted(UUID.randomUUID(), type, payload);
    }

    private static String sale(int n) {
        String line = "{\"lineNo\":%d,\"sku\":\"LV-10%02d\",\"department\":\"%s\",\"quantity\":1,\"unitPrice\":\"%s\","
                + "\"discount\":\"0.00\",\"net\":\"%s\",\"tax\":\"%s\",\"taxRate\":\"21\"}";
        String lines = String.join(",", line.formatted(1, n % 20, "FOOD", "3.00", "3.00", "0.52"),
                line.formatted(2, n % 20, "HOUSEHOLD", "4.00", "4.00", "0.69"),
                line.formatted(3, n % 20, "CLOTHING", "5.00", "5.00", "0.87"));
        return event("SALE_COMPLETED", ("{\"receiptNumber\":\"S001-R01-B%d\",\"storeId\":\"S001\",\"registerId\":\"R01\","
                + "\"drawerId\":\"D1\",\"businessDate\":\"2026-11-%02d\",\"hour\":\"%02d\",\"clerk\":\"clerk\","
                + "\"completedAt\":\"2026-11-24T09:15:02Z\",\"currency\":\"EUR\",\"subtotal\":\"12.00\","
                + "\"discountTotal\":\"0.00\",\"total\":\"12.00\",\"taxTotal\":\"2.08\",\"cashRounding\":\"0.00\","
                + "\"loyaltyCard\":null,\"lines\":[%s],\"tenders\":[{\"type\":\"CASH\",\"amount\":\"12.00\"}]}")
                .formatted(n, 1 + Math.floorMod(n, 28), 8 + Math.floorMod(n, 12), lines));
    }

    private static String loyalty(int n) {
        return event("LOYALTY_ENTRY", ("{\"entryId\":\"%s\",\"storeId\":\"S001\",\"card\":\"29%011d\",\"entryType\":\"EARN\","
                + "\"points\":12,\"receiptNumber\":\"S001-R01-B%d\",\"occurredAt\":\"2026-11-24T09:15:02Z\"}")
                .formatted(UUID.randomUUID(), n % 5000, n));
    }
}
