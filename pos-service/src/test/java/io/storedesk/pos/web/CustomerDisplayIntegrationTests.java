package io.storedesk.pos.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.storedesk.pos.support.Api;
import io.storedesk.pos.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The customer display of a register: what the till sends is what a display reads and what a display
 * watching the register's event stream receives at once; nonsense is refused; only the store's
 * clerks and managers send or watch.
 */
class CustomerDisplayIntegrationTests extends IntegrationTest {

    private static final String PATH = "/api/v1/registers/R02/display";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void whatTheTillSendsIsWhatTheDisplayShowsLive() throws Exception {
        BlockingQueue<JsonNode> pictures = new LinkedBlockingQueue<>();
        HttpRequest watch = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/display/R02/events"))
                .header("Authorization", basic("clerk")).header("Accept", "text/event-stream").GET().build();
        CompletableFuture<HttpResponse<Stream<String>>> stream = HttpClient.newHttpClient()
                .sendAsync(watch, HttpResponse.BodyHandlers.ofLines());
        HttpResponse<Stream<String>> events = stream.get(30, TimeUnit.SECONDS);
        assertThat(events.statusCode()).isEqualTo(200);
        assertThat(events.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        Thread reader = new Thread(() -> events.body().filter(l -> l.startsWith("data:"))
                .forEach(l -> pictures.add(JSON.readTree(l.substring(5)))));
        reader.setDaemon(true);
        reader.start();
        try {
            JsonNode first = pictures.poll(30, TimeUnit.SECONDS);
            assertThat(first).as("the current picture comes at once").isNotNull();
            long before = first.get("version").asLong();

            Api.Response sent = api.put(PATH, "clerk", """
                    {"state":"BASKET","lines":[{"name":"Rupjmaize “Lāči” 500 g","quantity":2,"amount":"3.78"},
                     {"name":"Plzeňské pivo 0,5 l","quantity":1,"amount":"1.39"}],"total":"5.17","points":1200}""");
            assertThat(sent.status()).as(sent.body()).isEqualTo(200);
            JsonNode live = pictures.poll(30, TimeUnit.SECONDS);
            assertThat(live).isNotNull();
            assertThat(live.get("state").asString()).isEqualTo("BASKET");
            assertThat(live.get("version").asLong()).isEqualTo(before + 1);
            assertThat(live.get("lines").get(0).get("name").asString()).isEqualTo("Rupjmaize “Lāči” 500 g");
            assertThat(live.get("lines").get(1).get("quantity").asInt()).isEqualTo(1);
            assertThat(live.get("total").asString()).isEqualTo("5.17");
            assertThat(live.get("points").asLong()).isEqualTo(1200);
            assertThat(live.get("currency").asString()).isEqualTo("EUR");
            JsonNode read = api.get(PATH, "manager").json();
            assertThat(read).isEqualTo(live);

            api.put(PATH, "clerk", """
                    {"state":"PAID","lines":[{"name":"Plzeňské pivo 0,5 l","quantity":1,"amount":"1.39"}],
                     "total":"1.39","paid":"5.00","change":"3.61"}""");
            JsonNode paid = pictures.poll(30, TimeUnit.SECONDS);
            assertThat(paid.get("state").asString()).isEqualTo("PAID");
            assertThat(paid.get("paid").asString()).isEqualTo("5.00");
            assertThat(paid.get("change").asString()).isEqualTo("3.61");

            api.put(PATH, "clerk", "{\"state\":\"IDLE\",\"lines\":[{\"name\":\"left over\",\"quantity\":1,\"amount\":\"1.00\"}]}");
            JsonNode idle = pictures.poll(30, TimeUnit.SECONDS);
            assertThat(idle.get("state").asString()).isEqualTo("IDLE");
            assertThat(idle.get("lines")).as("the welcome picture shows no basket").isEmpty();
            assertThat(idle.get("total").isNull()).isTrue();
        } finally {
            events.body().close();
            reader.interrupt();
        }
    }

    @Test
    void nonsenseIsRefusedAndTheDisplayKeepsItsPicture() {
        api.put(PATH, "clerk", "{\"state\":\"BASKET\",\"lines\":[],\"total\":\"0.00\"}");
        JsonNode before = api.get(PATH, "clerk").json();
        for (String body : new String[] {
                "{\"state\":\"BASKET\",\"lines\":[]}",
                "{\"state\":\"PAID\",\"lines\":[],\"total\":\"1.00\",\"change\":\"0.00\"}",
                "{\"state\":\"BASKET\",\"lines\":[{\"name\":\"x\",\"quantity\":0,\"amount\":\"1.00\"}],\"total\":\"1.00\"}",
                "{\"state\":\"BASKET\",\"lines\":[{\"name\":\" \",\"quantity\":1,\"amount\":\"1.00\"}],\"total\":\"1.00\"}",
                "{\"state\":\"BASKET\",\"lines\":[],\"total\":\"abc\"}",
                "{\"state\":\"SHOUTING\"}",
                "{}"}) {
            Api.Response r = api.put(PATH, "clerk", body);
            assertThat(r.status()).as(body + " -> " + r.body()).isEqualTo(400);
            assertThat(r.contentType()).startsWith("application/problem+json");
        }
        assertThat(api.get(PATH, "clerk").json()).isEqualTo(before);
        Api.Response unknown = api.put("/api/v1/registers/R99/display", "clerk", "{\"state\":\"IDLE\"}");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(api.get("/display/R99", "clerk").status()).isEqualTo(404);
    }

    @Test
    void onlyTheStoresClerksAndManagersSendOrWatch() {
        assertThat(api.put(PATH, "office", "{\"state\":\"IDLE\"}").status()).isEqualTo(403);
        assertThat(api.put(PATH, "admin", "{\"state\":\"IDLE\"}").status()).isEqualTo(403);
        assertThat(api.put(PATH, null, "{\"state\":\"IDLE\"}").status()).isEqualTo(401);
        assertThat(api.get("/display/R02", "office").status()).isEqualTo(403);
        Api.Response page = api.get("/display/R02?lang=lv", "clerk", Map.of("Accept", "text/html"));
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Klienta displejs").contains("data-register=\"R02\"");
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
    }
}
