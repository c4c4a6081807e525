package io.storedesk.pos.bench;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.storedesk.pos.support.Postgres;
import io.storedesk.pos.support.ServiceProcess;

/**
 * The sync benchmark: a store's outbox holding a backlog of 100,000 events drains to head office
 * over loopback. Head office runs as a process on a real PostgreSQL (embedded PostgreSQL 14), the
 * store as a process on its H2 file. The backlog is made of the events of real sales, returns,
 * voids and loyalty earns made over HTTP (sync off), copied in the store's database with fresh
 * event ids, receipt numbers and entry ids until it holds {@code -Dbench.sync.events} (100,000);
 * then the store is restarted with head office configured and the time until its sync status
 * shows nothing pending is measured, and head office's row count is checked. Target: < 60 s.
 * Prints events per second; writes {@code target/bench-sync.txt}.
 */
public final class SyncBenchmark {

    private static final Pattern UUIDS = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern DOCUMENTS = Pattern.compile("\"(S001-[A-Za-z0-9-]+)\"");

    private SyncBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int events = Integer.getInteger("bench.sync.events", 100_000);
        Path dir = Path.of("target", "bench-data", "sync-" + System.currentTimeMillis());
        String jdbc = Postgres.newDatabase("bench_ho");
        HttpClient http = HttpClient.newHttpClient();
        try (ServiceProcess office = new ServiceProcess(dir.resolve("ho"), List.of("--spring.profiles.active=head-office",
                "--spring.datasource.url=" + jdbc, "--spring.datasource.username=postgres",
                "--spring.datasource.password=")).fullSpeed()) {
            office.start();
            Path storeData = dir.resolve("s001");
            try (ServiceProcess store = new ServiceProcess(storeData, List.of()).fullSpeed()) {
                store.start();
                makeActivity(http, store.port());
            }
            int templates = multiply(storeData, events);
            System.out.printf(Locale.ROOT, "Backlog: %,d events (copies of %d real ones)%n", events, templates);

            try (ServiceProcess store = new ServiceProcess(storeData, List.of(
                    "--pos.sync.head-office.url=http://127.0.0.1:" + office.port(),
                    "--pos.sync.head-office.key=demo-key-S001")).fullSpeed()) {
                long launched = System.nanoTime();
                store.start();
                long up = System.nanoTime();
                // a register token: a password check per poll (BCrypt) would take CPU from the sync
                String token = post(http, store.port(), "manager", "/api/v1/auth/token", "")
                        .replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
                int pendingAtUp = pending(http, store.port(), token);
                long drained;
                while (true) {
                    int pending = pending(http, store.port(), token);
                    if (pending == 0) {
                        drained = System.nanoTime();
                        break;
                    }
                    if (System.nanoTime() - launched > 600_000_000_000L) {
                        throw new IllegalStateException("not drained after 10 minutes; " + pending + " pending");
                    }
                    Thread.sleep(250);
                }
                long stored = count(jdbc);
                double total = (drained - launched) / 1e9;
                double afterUp = (drained - up) / 1e9;
                String report = String.format(Locale.ROOT, """
                        Sync benchmark (%s, %d cores, load average at the end %.1f)
                          backlog                     %,d events (%d distinct templates), in batches of pos.sync.batch-size (shipped: 1000)
                          pending when the store was up %,d (the rest went while it started)
                          drained, from store launch  %.1f s  (%,.0f events/s)   target < 60 s: %s
                          drained, from store ready   %.1f s
                          head office holds           %,d events from S001 (expected %,d)
                        """, Instant.now(), Runtime.getRuntime().availableProcessors(),
                        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), events, templates,
                        pendingAtUp, total, events / total, total < 60 ? "met" : "MISSED", afterUp, stored, events);
                System.out.println(report);
                Files.writeString(Path.of("target", "bench-sync.txt"), report);
                if (stored != events) {
                    throw new IllegalStateException("head office holds " + stored + " events, expected " + events);
                }
            }
        }
    }

    /** Real business events over HTTP: cash sales, sales with a loyalty card, a return, a post-void. */
    private static void makeActivity(HttpClient http, int port) throws Exception {
        post(http, port, "clerk", "/api/v1/drawers/D1/open", "{\"float\":{\"20.00\":2}}");
        List<String> receipts = new ArrayList<>();
        String[] skus = {"LV-1001", "LV-1002", "LV-1016", "EL-2002", "LV-1017"};
        for (int i = 0; i < 20; i++) {
            String card = i % 4 == 0 ? ",\"loyaltyCard\":\"2900000000017\"" : "";
            String body = post(http, port, "clerk", "/api/v1/sales", """
                    {"drawerId":"D1"%s,"lines":[{"sku":"%s","quantity":%d},{"sku":"%s","quantity":1}],
                     "tenders":[{"type":"CASH","amount":"200.00"}]}""".formatted(card, skus[i % 5], 1 + i % 3,
                    skus[(i + 2) % 5]));
            Matcher m = Pattern.compile("\"receiptNumber\":\"([^\"]+)\"").matcher(body);
            if (m.find()) {
                receipts.add(m.group(1));
            }
        }
        post(http, port, "clerk", "/api/v1/returns", """
                {"receiptNumber":"%s","drawerId":"D1","lines":[{"lineNo":1,"quantity":1,"reason":"DEFECTIVE",
                 "restock":false}],"refundMethod":"ORIGINAL"}""".formatted(receipts.get(1)));
        post(http, port, "clerk", "/api/v1/sales/" + receipts.get(2) + "/void",
                "{\"reason\":\"bench\",\"approval\":{\"manager\":\"manager\",\"pin\":\"1234\"}}");
    }

    /** Copies the outbox's sales, returns, voids and loyalty entries until it holds {@code events} rows. */
    private static int multiply(Path storeData, int events) throws Exception {
        String url = "jdbc:h2:file:" + storeData.toAbsolutePath().resolve("pos");
        try (Connection c = DriverManager.getConnection(url, "pos", "")) {
            c.setAutoCommit(false);
            List<String[]> templates = new ArrayList<>();
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT type, payload FROM sync_outbox WHERE type IN "
                            + "('SALE_COMPLETED', 'SALE_VOIDED', 'RETURN_COMPLETED', 'LOYALTY_ENTRY') ORDER BY id")) {
                while (rs.next()) {
                    templates.add(new String[] {rs.getString(1), rs.getString(2)});
                }
            }
            try (Statement s = c.createStatement()) {
                s.executeUpdate("DELETE FROM sync_outbox");
            }
            Timestamp now = Timestamp.from(Instant.now());
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO sync_outbox (event_id, type, occurred_at, payload) VALUES (?, ?, ?, ?)")) {
                for (int i = 0; i < events; i++) {
                    String[] t = templates.get(i % templates.size());
                    int copy = i / templates.size();
                    insert.setObject(1, UUID.randomUUID());
                    insert.setString(2, t[0]);
                    insert.setTimestamp(3, now);
                    insert.setString(4, copyOf(t[1], copy));
                    insert.addBatch();
                    if (i % 1000 == 999) {
                        insert.executeBatch();
                        c.commit();
                    }
                }
                insert.executeBatch();
                c.commit();
            }
            return templates.size();
        }
    }

    /** The payload with every document number and id made unique to this copy, consistently within it. */
    static String copyOf(String payload, int copy) {
        String ids = UUIDS.matcher(payload).replaceAll(r -> UUID.nameUUIDFromBytes((r.group() + "/" + copy)
                .getBytes(StandardCharsets.UTF_8)).toString());
        return DOCUMENTS.matcher(ids).replaceAll(r -> Matcher.quoteReplacement("\"" + r.group(1) + "-C" + copy + "\""));
    }

    private static int pending(HttpClient http, int port, String token) throws Exception {
        String body = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/sync/status"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = Pattern.compile("\"pendingEvents\":(\\d+)").matcher(body);
        if (!m.find()) {
            throw new IllegalStateException("no pendingEvents in " + body);
        }
        return Integer.parseInt(m.group(1));
    }

    private static long count(String jdbc) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbc, "postgres", "");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM ho_event WHERE store_id = 'S001'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String post(HttpClient http, int port, String user, String path, String json) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", basic(user)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() >= 300) {
            throw new IllegalStateException(path + " answered " + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
    }
}
