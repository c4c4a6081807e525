package io.storedesk.pos.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Head office as a store sees it, on loopback: a fixed address that forwards every request as it is
 * (Content-Type, Accept, Authorization and the store's X-Store-Id and X-Store-Key) to the head-office
 * process of the moment, which gets a new port on each start, and head office's answer as it is (status,
 * body, Content-Type, Retry-After). While head office is {@link #down} (or not listening) it answers 502
 * without forwarding: head office out of reach. It records each events batch with head office's answer
 * ({@link #batches}), and can withhold head office's answer to a store's next batch or to the next
 * gift-card redemption: applied at head office, never heard by the store - the moment to kill the store
 * in a "restarted mid-push" test.
 */
public final class HeadOfficeRelay implements AutoCloseable {

    /** One events POST as it went through: who sent it and when, what it carried, when and what head office answered. */
    public record Batch(String storeId, Instant sent, Instant answered, String request, int status, String retryAfter,
            String response) {
    }

    private static final byte[] BAD_GATEWAY = "{\"title\":\"Bad gateway\",\"status\":502}".getBytes(StandardCharsets.UTF_8);

    private final HttpServer server;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final List<Batch> batches = new CopyOnWriteArrayList<>();
    private volatile int target;
    private volatile boolean down;
    private volatile String withholdFor;
    private final CountDownLatch withheld = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    private volatile boolean withholdRedeem;
    private final CountDownLatch redeemWithheld = new CountDownLatch(1);
    private final CountDownLatch redeemRelease = new CountDownLatch(1);

    /** @param target head office's port; 0 = not started yet (502 until {@link #target(int)}) */
    public HeadOfficeRelay(int target) throws IOException {
        this.target = target;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::forward);
        server.start();
    }

    public HeadOfficeRelay() throws IOException {
        this(0);
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Forward to head office on this port; 0 = head office is down. */
    public void target(int port) {
        this.target = port;
    }

    /** Head office out of reach (502) while true, whatever the target. */
    public void down(boolean down) {
        this.down = down;
    }

    /** The events batches forwarded so far, in the order head office answered them. */
    public List<Batch> batches() {
        return new ArrayList<>(batches);
    }

    /** The events batches head office refused with 429. */
    public List<Batch> refused() {
        return batches.stream().filter(a -> a.status() == 429).toList();
    }

    /** Head office's answer to the next events batch of this store is withheld until {@link #release()}. */
    public void withholdNextAnswerTo(String storeId) {
        this.withholdFor = storeId;
    }

    public boolean awaitWithheld(Duration timeout) throws InterruptedException {
        return withheld.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    public void release() {
        release.countDown();
    }

    /** Head office's answer to the next gift-card REDEEM is withheld until {@link #close()}. */
    public void withholdNextGiftCardRedeem() {
        this.withholdRedeem = true;
    }

    public boolean awaitRedeemWithheld(Duration timeout) throws InterruptedException {
        return redeemWithheld.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void forward(HttpExchange exchange) throws IOException {
        try (exchange) {
            Instant sent = Instant.now();
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            int port = target;
            if (down || port == 0) {
                reply(exchange, 502, BAD_GATEWAY);
                return;
            }
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                            + exchange.getRequestURI())).timeout(Duration.ofSeconds(60))
                    .method(exchange.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(body));
            for (String h : List.of("Content-Type", "Accept", "Authorization", "X-Store-Id", "X-Store-Key")) {
                String v = exchange.getRequestHeaders().getFirst(h);
                if (v != null) {
                    request.header(h, v);
                }
            }
            HttpResponse<byte[]> answer;
            try {
                answer = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (IOException unreachable) {
                reply(exchange, 502, BAD_GATEWAY);
                return;
            }
            String path = exchange.getRequestURI().getPath();
            String requestText = new String(body, StandardCharsets.UTF_8);
            if (withholdRedeem && path.matches(".*/gift-cards/[0-9]+/operations")
                    && requestText.contains("\"kind\":\"REDEEM\"")) {
                withholdRedeem = false;
                redeemWithheld.countDown();
                redeemRelease.await(5, TimeUnit.MINUTES);
                return; // applied at head office; the store never gets the answer
            }
            String retryAfter = answer.headers().firstValue("Retry-After").orElse(null);
            if ("POST".equals(exchange.getRequestMethod()) && path.endsWith("/events")) {
                String storeId = path.replaceAll(".*/stores/([^/]+)/events$", "$1");
                batches.add(new Batch(storeId, sent, Instant.now(), requestText, answer.statusCode(), retryAfter,
                        new String(answer.body(), StandardCharsets.UTF_8)));
                if (storeId.equals(withholdFor)) {
                    withholdFor = null;
                    withheld.countDown();
                    release.await(5, TimeUnit.MINUTES);
                    return; // the store never gets head office's answer
                }
            }
            answer.headers().firstValue("Content-Type").ifPresent(v -> exchange.getResponseHeaders().add("Content-Type", v));
            if (retryAfter != null) {
                exchange.getResponseHeaders().add("Retry-After", retryAfter);
            }
            reply(exchange, answer.statusCode(), answer.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void reply(HttpExchange exchange, int status, byte[] bytes) throws IOException {
        boolean empty = status == 204 || bytes.length == 0;
        exchange.sendResponseHeaders(status, empty ? -1 : bytes.length);
        if (!empty) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        release();
        redeemRelease.countDown();
        server.stop(0);
    }
}
