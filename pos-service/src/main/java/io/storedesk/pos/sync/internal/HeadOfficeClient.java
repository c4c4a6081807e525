package io.storedesk.pos.sync.internal;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import io.storedesk.pos.common.StoreProperties;
import io.storedesk.pos.sync.SyncProperties;

/**
 * Talks to head office over HTTP (java.net.http): every call carries {@code X-Store-Id} and
 * {@code X-Store-Key}; any failure (no connection, time-out, an answer other than the expected
 * ones) becomes a {@link HeadOfficeException} whose message is what the sync status shows; 429 Too
 * Many Requests becomes a {@link HeadOfficeBusy} carrying head office's {@code Retry-After}.
 */
class HeadOfficeClient {

    private final HttpClient http;
    private final SyncProperties properties;
    private final String storeId;

    HeadOfficeClient(SyncProperties properties, StoreProperties store) {
        this.properties = properties;
        this.storeId = store.id();
        this.http = HttpClient.newBuilder().connectTimeout(properties.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** POSTs a batch of events; returns head office's 200 answer. */
    String postEvents(String body) {
        HttpResponse<String> r = send(request("/api/ho/v1/stores/" + encode(storeId) + "/events")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
        if (r.statusCode() != 200) {
            throw unexpected("POST events", r);
        }
        return r.body();
    }

    /** A GET that may answer 200 (the body), 204 (null) or, when {@code notFoundIsNull}, 404 (null). */
    String get(String pathAndQuery, boolean notFoundIsNull) {
        HttpResponse<String> r = send(request(pathAndQuery).GET());
        return switch (r.statusCode()) {
            case 200 -> r.body();
            case 204 -> null;
            case 404 -> {
                if (notFoundIsNull) {
                    yield null;
                }
                throw unexpected("GET " + pathAndQuery, r);
            }
            default -> throw unexpected("GET " + pathAndQuery, r);
        };
    }

    /**
     * A gift-card call (issue 26): head office's answer whatever its status (the caller reads the
     * problem); {@code body} null for a GET. A failure to reach head office is a
     * {@link HeadOfficeException} whose message names no path (the path carries the card number).
     */
    HttpResponse<String> giftCard(String pathAndQuery, String body) {
        HttpRequest.Builder b = request(pathAndQuery);
        b = body == null ? b.GET() : b.header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        try {
            return send(b);
        } catch (HeadOfficeException e) {
            throw new HeadOfficeException("head office unreachable for a gift-card call ("
                    + (e.getCause() == null ? "no answer" : e.getCause().getClass().getSimpleName()) + ")", null);
        }
    }

    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private HttpRequest.Builder request(String pathAndQuery) {
        return HttpRequest.newBuilder(URI.create(properties.headOffice().url() + pathAndQuery))
                .timeout(properties.requestTimeout())
                .header("Accept", "application/json")
                .header("X-Store-Id", storeId)
                .header("X-Store-Key", properties.headOffice().key());
    }

    private HttpResponse<String> send(HttpRequest.Builder builder) {
        HttpRequest request = builder.build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpConnectTimeoutException e) {
            throw new HeadOfficeException("head office did not accept a connection within "
                    + properties.connectTimeout().toMillis() + " ms (" + request.uri().getAuthority() + ")", e);
        } catch (HttpTimeoutException e) {
            throw new HeadOfficeException("head office did not answer within " + properties.requestTimeout().toMillis()
                    + " ms (" + request.method() + " " + request.uri().getPath() + ")", e);
        } catch (ConnectException e) {
            throw new HeadOfficeException("cannot connect to head office at " + request.uri().getAuthority()
                    + ": connection refused", e);
        } catch (IOException e) {
            throw new HeadOfficeException("head office unreachable (" + request.uri().getAuthority() + "): " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HeadOfficeException("interrupted while talking to head office", e);
        }
    }

    /** The longest {@code Retry-After} honoured as given (a longer one is cut to this). */
    static final Duration LONGEST_RETRY_AFTER = Duration.ofHours(1);

    private static HeadOfficeException unexpected(String what, HttpResponse<String> r) {
        if (r.statusCode() == 429) {
            return new HeadOfficeBusy(retryAfter(r.headers().firstValue("Retry-After").orElse(null), Instant.now()));
        }
        String body = r.body() == null ? "" : r.body().strip();
        if (body.length() > 300) {
            body = body.substring(0, 300) + "...";
        }
        return new HeadOfficeException("head office answered %d to %s%s".formatted(r.statusCode(), what,
                body.isEmpty() ? "" : ": " + body), null);
    }

    /**
     * {@code Retry-After} as seconds or an HTTP date (RFC 9110), at least 1 s (also when missing or
     * unreadable) and at most {@link #LONGEST_RETRY_AFTER}.
     */
    static Duration retryAfter(String header, Instant now) {
        Duration d = Duration.ofSeconds(1);
        if (header != null && !header.isBlank()) {
            String v = header.strip();
            try {
                d = v.chars().allMatch(Character::isDigit)
                        ? (v.length() > 12 ? LONGEST_RETRY_AFTER : Duration.ofSeconds(Long.parseLong(v)))
                        : Duration.between(now, ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
            } catch (DateTimeParseException e) {
                d = Duration.ofSeconds(1);
            }
        }
        if (d.compareTo(Duration.ofSeconds(1)) < 0) {
            return Duration.ofSeconds(1);
        }
        return d.compareTo(LONGEST_RETRY_AFTER) > 0 ? LONGEST_RETRY_AFTER : d;
    }

    /** Head office could not be reached or refused the request; the message is for the sync status. */
    static class HeadOfficeException extends RuntimeException {
        HeadOfficeException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** 429: head office is up but saturated and took nothing; send again after {@link #retryAfter()}. */
    static final class HeadOfficeBusy extends HeadOfficeException {

        private final transient Duration retryAfter;

        HeadOfficeBusy(Duration retryAfter) {
            super("head office is busy (429), next attempt after " + retryAfter.toSeconds() + " s", null);
            this.retryAfter = retryAfter;
        }

        Duration retryAfter() {
            return retryAfter;
        }
    }
}
