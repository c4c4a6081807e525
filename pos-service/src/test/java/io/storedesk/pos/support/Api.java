package io.storedesk.pos.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small HTTP client for tests: real requests to the service on its random port. */
public final class Api {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final String bearer;

    public Api(int port) {
        this(port, null);
    }

    private Api(int port, String bearer) {
        this.base = "http://localhost:" + port;
        this.bearer = bearer;
    }

    /**
     * The same service, signed in as the user once, with a token bound to no register (it reads,
     * but rings no sale and works no drawer; see {@link #signedIn(String, String)}).
     */
    public Api signedIn(String user) {
        String token = post("/api/v1/auth/token", user, "").text("token");
        return new Api(Integer.parseInt(base.substring(base.lastIndexOf(':') + 1)), token);
    }

    /** The same service, signed in as the user once with a token for the register (it works only there). */
    public Api signedIn(String user, String registerId) {
        String token = post("/api/v1/auth/token", user, "{\"registerId\":\"" + registerId + "\"}").text("token");
        return new Api(Integer.parseInt(base.substring(base.lastIndexOf(':') + 1)), token);
    }

    /** The bearer token of a signed-in Api, else null. */
    public String bearerToken() {
        return bearer;
    }

    public Response get(String path, String user) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), user, Map.of());
    }

    public Response get(String path, String user, Map<String, String> headers) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), user, headers);
    }

    public Response post(String path, String user, String body) {
        return post(path, user, body, Map.of());
    }

    public Response post(String path, String user, String body, Map<String, String> headers) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)), user, headers);
    }

    /** A POST of {@code body} as {@code contentType} (e.g. text/csv). */
    public Response post(String path, String user, String body, String contentType, Map<String, String> headers) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)), user, headers);
    }

    public Response put(String path, String user, String body) {
        return put(path, user, body, Map.of());
    }

    public Response put(String path, String user, String body, Map<String, String> headers) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)), user, headers);
    }

    public Response delete(String path, String user) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).DELETE(), user, Map.of());
    }

    /** Opens the drawer as the clerk with a 50.00 float unless it is open already. */
    public void ensureOpen(String drawerId) {
        if (get("/api/v1/drawers/" + drawerId, "clerk").status() != 200) {
            Response opened = post("/api/v1/drawers/" + drawerId + "/open", "clerk", "{\"float\":{\"20.00\":2,\"5.00\":2}}");
            if (opened.status() != 201) {
                throw new IllegalStateException("could not open " + drawerId + ": " + opened);
            }
        }
    }

    public Response postIdempotent(String path, String user, String key, String body) {
        return post(path, user, body, Map.of("Idempotency-Key", key));
    }

    private Response send(HttpRequest.Builder builder, String user, Map<String, String> headers) {
        if (bearer != null) {
            builder.header("Authorization", "Bearer " + bearer);
        } else if (user != null) {
            String password = user;
            builder.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        headers.forEach(builder::header);
        try {
            HttpResponse<String> r = http.send(builder.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            Map<String, String> h = new LinkedHashMap<>();
            r.headers().map().forEach((k, v) -> h.put(k.toLowerCase(), String.join(",", v)));
            return new Response(r.statusCode(), r.body(), h);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public record Response(int status, String body, Map<String, String> headers) {

        public JsonNode json() {
            return JSON.readTree(body);
        }

        public String text(String field) {
            JsonNode node = json().get(field);
            return node == null || node.isNull() ? null : node.asString();
        }

        public String contentType() {
            return headers.getOrDefault("content-type", "");
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}
