package io.storedesk.pos.customer;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import io.storedesk.pos.loyalty.LoyaltyAccounts;
import io.storedesk.pos.support.Api;

import static org.assertj.core.api.Assertions.assertThat;

/** Helpers for the customer care tests: unique customers per test, and PATCH (which {@link Api} lacks). */
public final class CustomerTestSupport {

    private CustomerTestSupport() {
    }

    public static String unique() {
        return Long.toString(ThreadLocalRandom.current().nextLong(1L << 40, 1L << 41), 36);
    }

    /** A Latvian mobile number nobody else in the test database has. */
    public static String phone() {
        return "+371 2%03d %04d".formatted(ThreadLocalRandom.current().nextInt(1000),
                ThreadLocalRandom.current().nextInt(10000));
    }

    /**
     * A new loyalty card with an account of {@code balance} points, as head office's snapshot would
     * bring it (sales refuse cards the loyalty module does not know).
     */
    public static String loyaltyCard(LoyaltyAccounts accounts, long balance) {
        String card = "29" + "%011d".formatted(ThreadLocalRandom.current().nextLong(100_000_000_000L));
        accounts.importSnapshot(new LoyaltyAccounts.Snapshot(card, null, "Card holder", "BASIC", balance,
                java.time.OffsetDateTime.now().minusDays(1)));
        return card;
    }

    public static String createCustomer(Api api, String name, String phone, String email, String card) {
        Api.Response r = api.post("/api/v1/customers", "clerk", """
                {"name":"%s","phone":%s,"email":%s,"loyaltyCard":%s,"preferredLanguage":"lv","emailReceipts":true}"""
                .formatted(name, q(phone), q(email), q(card)));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.text("id");
    }

    public static String q(String s) {
        return s == null ? "null" : "\"" + s + "\"";
    }

    public static Api.Response patch(int port, String path, String user, String body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)))
                .method("PATCH", HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        try {
            HttpResponse<String> r = HttpClient.newHttpClient().send(request,
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            Map<String, String> headers = new LinkedHashMap<>();
            r.headers().map().forEach((k, v) -> headers.put(k.toLowerCase(), String.join(",", v)));
            return new Api.Response(r.statusCode(), r.body(), headers);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
