package io.storedesk.pos.reliability;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A gateway in front of head office, as a store sees it: a fixed address that forwards every
 * request to the current head-office process (which gets a new port on each start) and answers
 * 502 while head office is down. It records each events batch with head office's answer, and can
 * withhold head office's answer to a store's next batch: head office has applied the batch, the
 * store never hears so - the moment to kill the store in a "restarted mid-push" test. Likewise it can
 * withhold head office's answer to the next gift-card redemption (applied there, the store waits for the
 * answer): the moment to kill a store between its REDEEM and its sale's commit.
 */
final class HeadOfficeGateway implements AutoCloseable {

    /** One forwarded events batch: who sent it, what it carried, what head office answered. */
    record Batch(String storeId, String request, int status, String response) {
    }

    private final HttpServer server;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final List<Batch> batches = new CopyOnWriteArrayList<>();
    private volatile int target;
    private volatile String withholdFor;
    private final CountDownLatch withheld = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    private volatile boolean withholdRedeem;
    private final CountDownLatch redeemWithheld = new CountDownLatch(1);
    private final CountDownLatch redeemRelease = new CountDownLatch(1);

    HeadOfficeGateway() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::forward);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Forward to head office on this port; 0 = head office is down. */
    void target(int port) {
        this.target = port;
    }

    /** Head office's answer to the next events batch of this store is withheld until {@link #release()}. */
    void withholdNextAnswerTo(String storeId) {
        this.withholdFor = storeId;
    }

    boolean awaitWithheld(Duration timeout) throws InterruptedException {
        return withheld.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    void release() {
        release.countDown();
    }

    /** Head office's answer to the next gift-card REDEEM is withheld until {@link #close()}. */
    void withholdNextGiftCardRedeem() {
        this.withholdRedeem = true;
    }

    boolean awaitRedeemWithheld(Duration timeout) throws InterruptedException {
        return redeemWithheld.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    List<Batch> batches() {
        return new ArrayList<>(batches);
    }

    private void forward(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            int port = target;
            if (port == 0) {
                reply(exchange, 502, "{\"title\":\"Bad gateway\",\"status\":502}");
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
            HttpResponse<String> answer;
            try {
                answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException down) {
                reply(exchange, 502, "{\"title\":\"Bad gateway\",\"status\":502}");
                return;
            }
            String path = exchange.getRequestURI().getPath();
            if (withholdRedeem && path.matches(".*/gift-cards/[0-9]+/operations")
                    && new String(body, java.nio.charset.StandardCharsets.UTF_8).contains("\"kind\":\"REDEEM\"")) {
                withholdRedeem = false;
                redeemWithheld.countDown();
                redeemRelease.await(5, TimeUnit.MINUTES);
                return; // applied at head office; the store never gets the answer
            }
            if ("POST".equals(exchange.getRequestMethod()) && path.endsWith("/events")) {
                String storeId = path.replaceAll(".*/stores/([^/]+)/events$", "$1");
                batches.add(new Batch(storeId, new String(body, java.nio.charset.StandardCharsets.UTF_8),
                        answer.statusCode(), answer.body()));
                if (storeId.equals(withholdFor)) {
                    withholdFor = null;
                    withheld.countDown();
                    release.await(5, TimeUnit.MINUTES);
                    return; // the store never gets head office's answer
                }
            }
            exchange.getResponseHeaders().add("Content-Type",
                    answer.headers().firstValue("Content-Type").orElse("application/json"));
            reply(exchange, answer.statusCode(), answer.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        if (status == 204) {
            exchange.sendResponseHeaders(204, -1);
            return;
        }
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        release();
        redeemRelease.countDown();
        server.stop(0);
    }
}
