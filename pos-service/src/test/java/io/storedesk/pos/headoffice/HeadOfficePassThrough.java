package io.storedesk.pos.headoffice;

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
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A pass-through on loopback between a store and head office: forwards every request as it is (Content-Type, Accept
 * and the store's X-Store-Id and X-Store-Key) and head office's answer as it is (status, body, Content-Type,
 * Retry-After), and notes the store's event batches with head office's answer ({@link #attempts}). While
 * {@link #down}, it answers 502 without forwarding: head office out of reach.
 */
final class HeadOfficePassThrough implements AutoCloseable {

    /** One events POST as it went through: when it came, when head office answered, and what. */
    record Attempt(Instant sent, Instant answered, String request, int status, String retryAfter, String body) {
    }

    volatile boolean down;
    final List<Attempt> attempts = new CopyOnWriteArrayList<>();
    private final HttpServer server;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final int target;

    /** @param target head office's port */
    HeadOfficePassThrough(int target) throws IOException {
        this.target = target;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::forward);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The event batches head office refused with 429. */
    List<Attempt> refused() {
        return attempts.stream().filter(a -> a.status() == 429).toList();
    }

    private void forward(HttpExchange exchange) throws IOException {
        try (exchange) {
            Instant sent = Instant.now();
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            if (down) {
                exchange.sendResponseHeaders(502, -1);
                return;
            }
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + target
                            + exchange.getRequestURI())).timeout(Duration.ofSeconds(60))
                    .method(exchange.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(body));
            for (String h : List.of("Content-Type", "Accept", "X-Store-Id", "X-Store-Key")) {
                String v = exchange.getRequestHeaders().getFirst(h);
                if (v != null) {
                    request.header(h, v);
                }
            }
            HttpResponse<byte[]> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            byte[] bytes = answer.body();
            String retryAfter = answer.headers().firstValue("Retry-After").orElse(null);
            if ("POST".equals(exchange.getRequestMethod()) && exchange.getRequestURI().getPath().endsWith("/events")) {
                attempts.add(new Attempt(sent, Instant.now(), new String(body, StandardCharsets.UTF_8),
                        answer.statusCode(), retryAfter, new String(bytes, StandardCharsets.UTF_8)));
            }
            answer.headers().firstValue("Content-Type").ifPresent(v -> exchange.getResponseHeaders().add("Content-Type", v));
            if (retryAfter != null) {
                exchange.getResponseHeaders().add("Retry-After", retryAfter);
            }
            exchange.sendResponseHeaders(answer.statusCode(), bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
