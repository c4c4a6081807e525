package io.storedesk.pos.identity;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.storedesk.pos.support.Api;
import io.storedesk.pos.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A register token works at the register it was issued for: a token of R01 rings sales at D1 but
 * not at D3 (R03), a token for no register reads but works no drawer, and people signed in with a
 * password (HTTP Basic, pages and the pages' own tokens) pick any drawer.
 */
class RegisterTokenIntegrationTests extends IntegrationTest {

    private static final String SALE_AT = """
            {"drawerId":"%s","lines":[{"sku":"LV-1001","quantity":1}],"tenders":[{"type":"CASH","amount":"5.00"}]}""";

    @Test
    void aTokenOfOneRegisterRingsSalesThereButNotAtAnotherRegister() {
        ensureOpen("D1");
        ensureOpen("D3");
        Api r01 = api.signedIn("clerk", "R01");
        assertThat(r01.post("/api/v1/sales", null, SALE_AT.formatted("D1")).status()).isEqualTo(201);
        long sales = count("sale");
        long postings = count("drawer_posting");

        Api.Response sale = r01.post("/api/v1/sales", null, SALE_AT.formatted("D3"));
        Api.Response movement = r01.post("/api/v1/drawers/D3/movements", null,
                "{\"type\":\"PAID_OUT\",\"amount\":\"1.00\",\"reason\":\"stamps\"}");
        Api.Response close = r01.post("/api/v1/drawers/D3/close", null, "{\"counted\":{\"20.00\":2,\"5.00\":2}}");

        for (Api.Response refused : new Api.Response[] {sale, movement, close}) {
            assertThat(refused.status()).as(refused.body()).isEqualTo(403);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.text("type")).endsWith("/problems/register-mismatch");
            assertThat(refused.text("detail")).contains("R01", "R03");
            assertThat(refused.text("tokenRegister")).isEqualTo("R01");
            assertThat(refused.text("register")).isEqualTo("R03");
        }
        assertThat(count("sale")).isEqualTo(sales);
        assertThat(count("drawer_posting")).isEqualTo(postings);
        assertThat(api.get("/api/v1/drawers/D3", "clerk").status()).as("D3 still open").isEqualTo(200);
    }

    @Test
    void aTokenAskedForWithADrawerIsBoundToThatDrawersRegister() {
        Api.Response token = api.post("/api/v1/auth/token", "clerk", "{\"drawerId\":\"D2\"}");

        assertThat(token.status()).isEqualTo(201);
        assertThat(token.text("registerId")).isEqualTo("R02");
        assertThat(api.post("/api/v1/auth/token", "clerk", "{\"registerId\":\"R99\"}").status()).isEqualTo(400);
        assertThat(api.post("/api/v1/auth/token", "clerk", "{\"registerId\":\"R01\",\"drawerId\":\"D2\"}").status())
                .isEqualTo(400);
    }

    @Test
    void aTokenForNoRegisterReadsButRingsNoSale() {
        ensureOpen("D1");
        Api unbound = api.signedIn("clerk");
        long sales = count("sale");

        Api.Response sale = unbound.post("/api/v1/sales", null, SALE_AT.formatted("D1"));

        assertThat(sale.status()).isEqualTo(403);
        assertThat(sale.text("type")).endsWith("/problems/register-token-unbound");
        assertThat(sale.text("detail")).contains("R01");
        assertThat(count("sale")).isEqualTo(sales);
        assertThat(unbound.get("/api/v1/items?q=kef", null).status()).isEqualTo(200);
        assertThat(unbound.get("/api/v1/drawers/D1", null).status()).isEqualTo(200);
    }

    @Test
    void aPasswordSignInIsBoundToNoRegister() {
        ensureOpen("D3");
        assertThat(api.post("/api/v1/sales", "clerk", SALE_AT.formatted("D3")).status()).isEqualTo(201);
        assertThat(api.post("/api/v1/sales", "clerk", SALE_AT.formatted("D1")).status()).isEqualTo(201);
    }

    @Test
    void aPageSessionsTokenIsBoundToNoRegisterLikeTheSession() throws Exception {
        ensureOpen("D3");
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String login = browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(login);
        assertThat(csrf.find()).as(login).isTrue();
        HttpResponse<String> signedIn = browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=clerk&password=clerk&_csrf="
                        + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.statusCode()).isEqualTo(302);
        String page = browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/sale")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher token = Pattern.compile("name=\"api-token\" content=\"([^\"]+)\"").matcher(page);
        assertThat(token.find()).as(page).isTrue();

        Api.Response sale = api.post("/api/v1/sales", null, SALE_AT.formatted("D3"),
                Map.of("Authorization", "Bearer " + token.group(1)));

        assertThat(sale.status()).as(sale.body()).isEqualTo(201);
    }

    @Test
    void aTokenIsNeverIssuedToAnotherToken() {
        Api r01 = api.signedIn("clerk", "R01");

        Api.Response another = r01.post("/api/v1/auth/token", null, "{\"registerId\":\"R03\"}");

        assertThat(another.status()).isEqualTo(403);
        assertThat(another.text("type")).endsWith("/problems/password-required");
    }
}
