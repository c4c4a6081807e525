package io.storedesk.pos.sync;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small real head office over loopback HTTP (JDK HttpServer), as docs/sync-protocol.md describes
 * it: takes event batches (or answers 500, or answers too late), remembers what arrived and with
 * which headers, de-duplicates by event id, and serves a promotion set and loyalty accounts.
 */
final class FakeHeadOffice {

    enum Mode { OK, FAIL_500, SLOW }

    static final JsonMapper JSON = JsonMapper.builder().build();

    /** One POST of events as it arrived. */
    record Batch(Instant at, Map<String, String> headers, String path, List<JsonNode> events, boolean accepted) {
    }

    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "fake-head-office");
        t.setDaemon(true);
        return t;
    });
    private volatile int port;
    private volatile HttpServer server;
    volatile Mode mode = Mode.OK;
    /** GET /accounts/{card} answers 503 (head office down for a till's online look-up). */
    volatile boolean lookupsFail;
    volatile long slowMillis = 15_000;   // well past the store's request timeout (5 s in SyncHeadOfficeIntegrationTests), even on a busy machine
    final List<Batch> batches = new CopyOnWriteArrayList<>();
    final List<String> gets = new CopyOnWriteArrayList<>();
    final Map<String, Boolean> eventIds = new ConcurrentHashMap<>();
    volatile String promotionSet; // {"version":..,"promotions":[..]} or null
    volatile long promotionVersion;
    /** card -> account JSON (with "version"); the feed returns those above its cursor's version. */
    final Map<String, JsonNode> accounts = new ConcurrentHashMap<>();
    /** card -> account JSON answered by GET /accounts/{card} (overrides {@link #accounts}). */
    final Map<String, JsonNode> singleAccounts = new ConcurrentHashMap<>();

    static FakeHeadOffice start() {
        FakeHeadOffice ho = new FakeHeadOffice();
        try {
            ho.bind(0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return ho;
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    private void bind(int onPort) throws IOException {
        HttpServer s = HttpServer.create(new InetSocketAddress("127.0.0.1", onPort), 50);
        s.setExecutor(threads);
        s.createContext("/", this::handle);
        s.start();
        port = s.getAddress().getPort();
        server = s;
    }

    /** Nothing listens any more: connections are refused. */
    void stop() {
        server.stop(0);
    }

    /** Listens again on the same port. */
    void restart() throws InterruptedException {
        for (int i = 0; ; i++) {
            try {
                bind(port);
                return;
            } catch (BindException e) {
                if (i > 50) {
                    throw new IllegalStateException(e);
                }
                Thread.sleep(100);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    List<JsonNode> acceptedEvents() {
        List<JsonNode> all = new ArrayList<>();
        batches.stream().filter(Batch::accepted).forEach(b -> all.addAll(b.events()));
        return all;
    }

    List<Batch> failedAttempts() {
        return batches.stream().filter(b -> !b.accepted()).toList();
    }

    private void handle(HttpExchange x) throws IOException {
        try (x) {
            String path = x.getRequestURI().getPath();
            String query = x.getRequestURI().getRawQuery();
            Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            x.getRequestHeaders().forEach((k, v) -> headers.put(k, String.join(",", v)));
            if ("POST".equals(x.getRequestMethod()) && path.matches("/api/ho/v1/stores/[^/]+/events")) {
                byte[] body;
                try (InputStream in = x.getRequestBody()) {
                    body = in.readAllBytes();
                }
                List<JsonNode> events = new ArrayList<>();
                JSON.readTree(new String(body, StandardCharsets.UTF_8)).get("events").forEach(events::add);
                Mode now = mode;
                if (now == Mode.FAIL_500) {
                    batches.add(new Batch(Instant.now(), headers, path, events, false));
                    send(x, 500, "{\"type\":\"about:blank\",\"title\":\"Internal Server Error\",\"status\":500}");
                    return;
                }
                int duplicates = 0;
                for (JsonNode e : events) {
                    if (eventIds.putIfAbsent(e.get("eventId").asString(), true) != null) {
                        duplicates++;
                    }
                }
                batches.add(new Batch(Instant.now(), headers, path, events, now == Mode.OK));
                if (now == Mode.SLOW) {
                    Thread.sleep(slowMillis); // applied, but the answer comes too late for the store
                }
                send(x, 200, "{\"received\":%d,\"applied\":%d,\"duplicates\":%d}".formatted(events.size(),
                        events.size() - duplicates, duplicates));
                return;
            }
            gets.add(path + (query == null ? "" : "?" + query));
            if (path.equals("/api/ho/v1/promotions")) {
                long since = Long.parseLong(param(query, "since", "0"));
                String set = promotionSet;
                if (set == null || promotionVersion <= since) {
                    send(x, 204, null);
                } else {
                    send(x, 200, set);
                }
            } else if (path.equals("/api/ho/v1/catalog/items") || path.equals("/api/ho/v1/catalog/prices")) {
                // head office's catalogue feeds (issue 26): nothing new here
                send(x, 200, "{\"cursor\":\"%s\",\"more\":false,\"items\":[],\"prices\":[]}"
                        .formatted(param(query, "cursor", "0")));
            } else if (path.equals("/api/ho/v1/loyalty/accounts")) {
                // the cursor is opaque to the store: here "f.<highest version sent>"
                String cursor = param(query, "cursor", "");
                long since = cursor.isEmpty() ? 0 : Long.parseLong(cursor.substring(2));
                List<JsonNode> delta = accounts.values().stream().filter(a -> a.get("version").asLong() > since)
                        .sorted(java.util.Comparator.comparingLong(a -> a.get("version").asLong())).toList();
                long version = delta.isEmpty() ? since : delta.get(delta.size() - 1).get("version").asLong();
                send(x, 200, "{\"cursor\":\"f.%d\",\"more\":false,\"accounts\":%s}".formatted(version, JSON.writeValueAsString(delta)));
            } else if (path.startsWith("/api/ho/v1/loyalty/accounts/") && lookupsFail) {
                send(x, 503, "{\"status\":503}");
            } else if (path.startsWith("/api/ho/v1/loyalty/accounts/")) {
                String card = path.substring(path.lastIndexOf('/') + 1);
                JsonNode a = singleAccounts.getOrDefault(card, accounts.get(card));
                if (a == null) {
                    send(x, 404, "{\"status\":404}");
                } else {
                    send(x, 200, JSON.writeValueAsString(a));
                }
            } else {
                send(x, 404, "{\"status\":404}");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // the store gave up waiting (slow mode)
        }
    }

    private static String param(String query, String name, String otherwise) {
        if (query != null) {
            for (String p : query.split("&")) {
                if (p.startsWith(name + "=")) {
                    return p.substring(name.length() + 1);
                }
            }
        }
        return otherwise;
    }

    private static void send(HttpExchange x, int status, String body) throws IOException {
        if (body == null) {
            x.sendResponseHeaders(status, -1);
            return;
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().set("Content-Type", status == 200 ? "application/json" : "application/problem+json");
        x.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = x.getResponseBody()) {
            out.write(bytes);
        }
    }
}
