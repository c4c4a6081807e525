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
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import io.storedesk.pos.PosApplication;
import io.storedesk.pos.support.Postgres;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loyalty-bearing batches at head office (issue 25, the loyalty feed): two head-office nodes on a
 * fresh embedded PostgreSQL 14; {@code -Dbench.feed.stores} (32) stores push at once, each its next
 * small batch as soon as the last one is answered (a sale and its LOYALTY_ENTRY, cards drawn from
 * 200,000), for {@code -Dbench.feed.seconds} (20) s to node A only, then the same to both nodes
 * (stores alternate). Prints batches/s of each phase, then how long a new store's first pull of the
 * feed (its cards only, pages of 1,000) and a head-office user's full pull take. Writes
 * {@code target/bench-loyalty-feed.txt}. Note the machine's load ({@code uptime}) with the figures.
 */
public final class LoyaltyFeedBenchmark {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private LoyaltyFeedBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int stores = Integer.getInteger("bench.feed.stores", 32);
        int seconds = Integer.getInteger("bench.feed.seconds", 20);
        String url = Postgres.newDatabase("feedbench");
        List<String> common = new ArrayList<>(List.of("--server.port=0", "--spring.profiles.active=head-office",
                "--spring.datasource.url=" + url, "--spring.datasource.username=postgres",
                "--spring.datasource.password=", "--logging.level.root=WARN", "--spring.main.banner-mode=off"));
        for (int s = 0; s < stores; s++) {
            common.add("--pos.head-office.store-keys." + store(s) + "=bench-key-" + s);
            common.add("--pos.head-office.store-regions." + store(s) + "=region-" + (s % 8));
        }
        ConfigurableApplicationContext nodeA = node(common, "a");
        ConfigurableApplicationContext nodeB = node(common, "b");
        try {
            int[] ports = {port(nodeA), port(nodeB)};
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            run(http, stores, 3, new int[] {ports[0]}); // warm-up
            double one = run(http, stores, seconds, new int[] {ports[0]});
            double two = run(http, stores, seconds, ports);

            long t0 = System.nanoTime();
            long[] storePull = pull(http, ports[1], Map.of("X-Store-Id", store(0), "X-Store-Key", "bench-key-0"));
            double storeMs = (System.nanoTime() - t0) / 1e6;
            long t1 = System.nanoTime();
            long[] fullPull = pull(http, ports[0], Map.of("Authorization", "Basic " + java.util.Base64.getEncoder()
                    .encodeToString("office:office".getBytes(StandardCharsets.UTF_8))));
            double fullMs = (System.nanoTime() - t1) / 1e6;
            String report = String.format(Locale.ROOT,
                    "Loyalty-bearing batches at head office, PostgreSQL 14 (embedded), loopback HTTP, %d stores pushing at once%n"
                            + "  (each batch: one sale and its LOYALTY_ENTRY; cards drawn from 200,000):%n"
                            + "  one node:  %,.0f batches/s%n"
                            + "  two nodes: %,.0f batches/s%n"
                            + "  a new store's first pull (its region's and its own cards): %,d accounts in %,d pages, %.0f ms%n"
                            + "  a head-office user's full pull: %,d accounts in %,d pages, %.0f ms%n",
                    stores, one, two, storePull[0], storePull[1], storeMs, fullPull[0], fullPull[1], fullMs);
            System.out.print(report);
            Files.writeString(Path.of("target", "bench-loyalty-feed.txt"), report);
        } finally {
            nodeB.close();
            nodeA.close();
        }
        System.exit(0);
    }

    private static ConfigurableApplicationContext node(List<String> common, String name) {
        List<String> args = new ArrayList<>(common);
        args.add("--pos.data-dir=target/bench-data/feed-" + name + "-" + System.currentTimeMillis());
        return SpringApplication.run(PosApplication.class, args.toArray(String[]::new));
    }

    private static int port(ConfigurableApplicationContext app) {
        return app.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
    }

    private static String store(int s) {
        return "B%03d".formatted(s);
    }

    /** Every store pushes batch after batch for {@code seconds}; batches/s answered 200. */
    private static double run(HttpClient http, int stores, int seconds, int[] ports) throws Exception {
        AtomicBoolean going = new AtomicBoolean(true);
        AtomicLong done = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int s = 0; s < stores; s++) {
            int storeNo = s;
            Thread t = new Thread(() -> {
                try {
                    long n = 0;
                    while (going.get()) {
                        int port = ports[(int) ((storeNo + n) % ports.length)];
                        send(http, port, storeNo, batch(storeNo));
                        done.incrementAndGet();
                        n++;
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            });
            t.start();
            threads.add(t);
        }
        long t0 = System.nanoTime();
        Thread.sleep(seconds * 1000L);
        going.set(false);
        for (Thread t : threads) {
            t.join();
        }
        double elapsed = (System.nanoTime() - t0) / 1e9;
        if (!failures.isEmpty()) {
            throw new IllegalStateException("a push failed", failures.get(0));
        }
        return done.get() / elapsed;
    }

    /** Pulls the whole feed from the start; {accounts, pages}. */
    private static long[] pull(HttpClient http, int port, Map<String, String> auth) throws Exception {
        String cursor = "";
        long accounts = 0;
        long pages = 0;
        JsonNode page;
        do {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port
                    + "/api/ho/v1/loyalty/accounts?limit=1000" + (cursor.isEmpty() ? "" : "&cursor=" + cursor)))
                    .timeout(Duration.ofSeconds(60));
            auth.forEach(b::header);
            HttpResponse<String> r = http.send(b.GET().build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException(r.statusCode() + " " + r.body());
            }
            page = JSON.readTree(r.body());
            accounts += page.get("accounts").size();
            pages++;
            if (page.get("cursor") == null) {
                return new long[] {accounts, pages}; // head office before the feed had cursors: the first page only
            }
            cursor = page.get("cursor").asString();
        } while (page.get("more").asBoolean());
        return new long[] {accounts, pages};
    }

    private static void send(HttpClient http, int port, int storeNo, String body) throws Exception {
        String storeId = store(storeNo);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/ho/v1/stores/"
                        + storeId + "/events"))
                .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
                .header("X-Store-Id", storeId).header("X-Store-Key", "bench-key-" + storeNo)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(r.statusCode() + " " + r.body());
        }
    }

    private static String batch(int storeNo) {
        String storeId = store(storeNo);
        String receipt = storeId + "-R01-" + UUID.randomUUID();
        String card = "29%011d".formatted(ThreadLocalRandom.current().nextInt(200_000));
        String sale = event("SALE_COMPLETED", ("{\"receiptNumber\":\"%s\",\"storeId\":\"%s\",\"registerId\":\"R01\","
                + "\"drawerId\":\"D1\",\"businessDate\":\"2026-11-24\",\"hour\":\"10\",\"clerk\":\"clerk\","
                + "\"completedAt\":\"2026-11-24T09:15:02Z\",\"currency\":\"EUR\",\"subtotal\":\"3.00\","
                + "\"discountTotal\":\"0.00\",\"total\":\"3.00\",\"taxTotal\":\"0.52\",\"cashRounding\":\"0.00\","
                + "\"loyaltyCard\":\"%s\",\"lines\":[{\"lineNo\":1,\"sku\":\"LV-1001\",\"department\":\"FOOD\","
                + "\"quantity\":1,\"unitPrice\":\"3.00\",\"discount\":\"0.00\",\"net\":\"3.00\",\"tax\":\"0.52\","
                + "\"taxRate\":\"21\"}],\"tenders\":[{\"type\":\"CASH\",\"amount\":\"3.00\"}]}")
                .formatted(receipt, storeId, card));
        String entry = event("LOYALTY_ENTRY", ("{\"entryId\":\"%s\",\"storeId\":\"%s\",\"card\":\"%s\",\"entryType\":\"EARN\","
                + "\"points\":3,\"receiptNumber\":\"%s\",\"occurredAt\":\"2026-11-24T09:15:02Z\"}")
                .formatted(UUID.randomUUID(), storeId, card, receipt));
        return "{\"events\":[" + sale + "," + entry + "]}";
    }

    private static String event(String type, String payload) {
        return "{\"eventId\":\"%s\",\"type\":\"%s\",\"occurredAt\":\"2026-11-24T09:15:02.123456Z\",\"payload\":%s}"
                .formatted(UUID.randomUUID(), type, payload);
    }
}
