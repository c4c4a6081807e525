package io.storedesk.pos.reliability;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import io.storedesk.pos.support.Api;
import io.storedesk.pos.support.IntegrationTest;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.RandomDistribution;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Input fuzzing: every POST endpoint the OpenAPI document lists is called as a clerk and as a
 * manager with random JSON (random shapes built from the API's own field names, huge and negative
 * numbers, unicode, injection strings, deep nesting, broken syntax) and junk path parameters.
 * Nothing may answer 5xx, every refusal is problem+json, and a refused request stores nothing.
 */
class PostFuzzIntegrationTests extends IntegrationTest {

    static final int BODIES_PER_ENDPOINT = 60;
    static final List<String> FIELDS = List.of("drawerId", "lines", "sku", "quantity", "tenders", "type", "amount",
            "card", "pan", "expiry", "track2", "code", "points", "loyaltyCard", "coupons", "receiptNumber", "reason",
            "restock", "refundMethod", "approval", "manager", "pin", "float", "counted", "returnLines", "newLines",
            "customerRef", "email", "to", "copy", "gift", "companyName", "vatId", "address", "lineNo", "name", "phone",
            "text", "subject", "category", "channel", "description", "due", "resolution", "goodwill", "registerId");
    static final List<String> NASTY = List.of("", " ", "' OR 1=1 --", "\"; DROP TABLE sale; --", "<script>alert(1)</script>",
            "${jndi:ldap://x}", "ā č ē ģ ķ ļ ņ š ū ž ě ř ů Жж 𝄞", "\u0000", "CASH", "CARD", "STORE_CREDIT", "D1", "D2",
            "LV-1001", "4761739001010010", "3012", "12.30", "-12.30", "1e309", "0.001", "9".repeat(400), "a".repeat(5000),
            "ORIGINAL", "DEFECTIVE", "manager", "1234", "2030-13-45", "NaN");
    static final List<String> NUMBERS = List.of("0", "-1", "1", "9999", "10000", "2147483648", "-9223372036854775809",
            "1e309", "-1e309", "12.345", "1E2", "99999999999999999999999999999999999", "0.1", "-0.0");

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void randomBodiesToEveryPostEndpointGetOnly4xxOr2xxAndRefusalsStoreNothing() {
        JsonNode paths = api.get("/v3/api-docs", null).json().get("paths");
        List<String> posts = new ArrayList<>();
        paths.properties().forEach(e -> {
            if (e.getValue().has("post") && e.getKey().startsWith("/api/")) {
                posts.add(e.getKey());
            }
        });
        assertThat(posts).contains("/api/v1/sales", "/api/v1/returns", "/api/v1/exchanges");
        Random random = new Random(20261123L);
        net.jqwik.api.sessions.JqwikSession.start();
        try {
            fuzz(posts, random);
        } finally {
            net.jqwik.api.sessions.JqwikSession.finish();
        }
        assertThat(api.get("/api/v1/journal/verify", "manager").json().get("valid").asBoolean()).isTrue();
    }

    private void fuzz(List<String> posts, Random random) {
        Arbitrary<String> bodies = body();
        Map<String, Api> users = Map.of("clerk", api.signedIn("clerk", "R01"), "manager", api.signedIn("manager", "R01"));
        int sent = 0;
        for (String template : posts) {
            for (int i = 0; i < BODIES_PER_ENDPOINT; i++) {
                String path = template.replaceAll("\\{[^}]+}", junkPathParameter(random));
                String body = bodies.generator(1000).next(random).value();
                String user = random.nextBoolean() ? "clerk" : "manager";
                Map<String, Long> before = counts();
                Api.Response r = users.get(user).post(path, user, body);
                sent++;
                String what = user + " POST " + path + " " + body.substring(0, Math.min(300, body.length()));
                assertThat(r.status()).as(what + " -> " + r.body()).isLessThan(500);
                if (r.status() >= 400) {
                    assertThat(r.contentType()).as(what).startsWith("application/problem+json");
                    assertThat(r.body()).as(what).doesNotContain("Exception", "\tat ", "SQL");
                    assertThat(counts()).as(what + " -> " + r.body()).isEqualTo(before);
                }
            }
        }
        System.out.printf("fuzzed %d POST endpoints with %d requests%n", posts.size(), sent);
    }

    private Map<String, Long> counts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : List.of("sale", "sale_return", "drawer_posting", "drawer_session", "store_credit",
                "sale_void", "card_transaction")) {
            counts.put(table, count(table));
        }
        counts.put("journal", jdbc.sql("SELECT COUNT(*) FROM journal_entry WHERE type <> 'LOGIN_FAILED'")
                .query(Long.class).single());
        return counts;
    }

    private static String junkPathParameter(Random random) {
        List<String> junk = List.of("X", "0", "-1", "S001-R01-20990101-999999", "%27%20OR%201%3D1", "%3Cscript%3E",
                "2030-13-45", "D9", "%C4%81%C4%8D", "a".repeat(300));
        return junk.get(random.nextInt(junk.size()));
    }

    private Arbitrary<String> body() {
        Arbitrary<String> broken = Arbitraries.of("{", "[", "{\"a\":", "nul", "{\"lines\":[{]}", "\"text\"", "",
                "{\"a\":1}}", "{\"a\":01}", "{\"a\":\"\\uZZZZ\"}");
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(8, value(4).filter(n -> n.isObject()).map(json::writeValueAsString)),
                net.jqwik.api.Tuple.of(1, value(2).map(json::writeValueAsString)),
                net.jqwik.api.Tuple.of(1, broken),
                net.jqwik.api.Tuple.of(1, Arbitraries.of(NUMBERS).map(n -> "{\"amount\":" + n + ",\"quantity\":" + n + "}")));
    }

    private Arbitrary<JsonNode> value(int depth) {
        Arbitrary<JsonNode> leaf = Arbitraries.oneOf(
                Arbitraries.of(NASTY).map(s -> json.getNodeFactory().stringNode(s)),
                Arbitraries.strings().withCharRange('\u0000', '\uFFFF').ofMaxLength(50)
                        .map(s -> json.getNodeFactory().stringNode(s)),
                Arbitraries.of(NUMBERS).map(n -> json.readTree(n.equals("1e309") || n.equals("-1e309") ? "1" : n)),
                Arbitraries.longs().withDistribution(RandomDistribution.biased()).map(l -> json.getNodeFactory().numberNode(l)),
                Arbitraries.of(true, false).map(b -> json.getNodeFactory().booleanNode(b)),
                Arbitraries.just(json.getNodeFactory().nullNode()));
        if (depth == 0) {
            return leaf;
        }
        Arbitrary<JsonNode> object = Arbitraries.maps(Arbitraries.oneOf(Arbitraries.of(FIELDS),
                        Arbitraries.strings().alpha().ofMaxLength(8)), Arbitraries.lazy(() -> value(depth - 1)))
                .ofMaxSize(6).map(m -> {
                    var node = json.createObjectNode();
                    m.forEach(node::set);
                    return node;
                });
        Arbitrary<JsonNode> array = Arbitraries.lazy(() -> value(depth - 1)).list().ofMaxSize(4).map(l -> {
            var node = json.createArrayNode();
            l.forEach(node::add);
            return node;
        });
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(3, leaf), net.jqwik.api.Tuple.of(4, object),
                net.jqwik.api.Tuple.of(2, array));
    }
}
