package io.storedesk.pos.identity;

import io.storedesk.pos.support.Api;
import io.storedesk.pos.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** Who may ring up sales: clerks and managers; never head office, never anonymous. */
class SaleAccessIntegrationTests extends IntegrationTest {

    private static final String SALE = """
            {"drawerId":"D1","lines":[{"sku":"LV-1001","quantity":1}],"tenders":[{"type":"CASH","amount":"5.00"}]}""";

    @Test
    void headOfficeCannotRingSales() {
        ensureOpen("D1");
        long before = count("sale");
        Api.Response r = api.post("/api/v1/sales", "office", SALE);

        assertThat(r.status()).isEqualTo(403);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.text("type")).endsWith("/problems/forbidden");
        assertThat(count("sale")).isEqualTo(before);
    }

    @Test
    void anonymousCallsAreRefusedWith401() {
        long before = count("sale");
        Api.Response r = api.post("/api/v1/sales", null, SALE);

        assertThat(r.status()).isEqualTo(401);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.headers().get("www-authenticate")).startsWith("Basic");
        assertThat(api.get("/api/v1/items?q=kef", null).status()).isEqualTo(401);
        assertThat(count("sale")).isEqualTo(before);
    }

    @Test
    void wrongPasswordIsRefused() throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/items?q=kef"))
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString("clerk:nope".getBytes()))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(401);
    }

    @Test
    void managersMayRingSales() {
        ensureOpen("D1");
        assertThat(api.post("/api/v1/sales", "manager", SALE).status()).isEqualTo(201);
    }

    @Test
    void aRegisterSignsInOnceAndSellsWithItsBearerToken() throws Exception {
        ensureOpen("D1");
        Api.Response token = api.post("/api/v1/auth/token", "clerk", "{\"registerId\":\"R01\"}");
        assertThat(token.status()).isEqualTo(201);
        assertThat(token.text("registerId")).isEqualTo("R01");
        String bearer = token.text("token");

        HttpResponse<String> sale = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/sales"))
                .header("Authorization", "Bearer " + bearer)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(SALE)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(sale.statusCode()).as(sale.body()).isEqualTo(201);
        assertThat(sale.body()).contains("\"clerk\":\"clerk\"");

        HttpResponse<String> forged = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/sales"))
                .header("Authorization", "Bearer not-a-token")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(SALE)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(forged.statusCode()).isEqualTo(401);
    }

    @Test
    void healthIsPublicAndMetricsAreForAdmins() {
        assertThat(api.get("/actuator/health", null).status()).isEqualTo(200);
        assertThat(api.get("/actuator/prometheus", "clerk").status()).isEqualTo(403);
        Api.Response prometheus = api.get("/actuator/prometheus", "admin");
        assertThat(prometheus.status()).isEqualTo(200);
        assertThat(prometheus.body()).contains("http_server_requests");
        // Spring Security observes nothing (identity.internal.SecurityConfiguration): no filter-chain timers
        assertThat(prometheus.body()).doesNotContain("spring_security");
        assertThat(api.get("/v3/api-docs", null).body()).contains("/api/v1/sales");
    }
}
