package io.storedesk.pos.cases;

import io.storedesk.pos.support.Api;
import io.storedesk.pos.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static io.storedesk.pos.customer.CustomerTestSupport.createCustomer;
import static io.storedesk.pos.customer.CustomerTestSupport.unique;
import static org.assertj.core.api.Assertions.assertThat;

/** Goodwill store credit given when a case is resolved, later spent as the STORE_CREDIT tender at D3. */
class GoodwillStoreCreditIntegrationTests extends IntegrationTest {

    @BeforeEach
    void openDrawer() {
        ensureOpen("D3");
    }

    @Test
    void goodwillStoreCreditFromAResolvedCaseIsSpentAsATender() {
        String customer = createCustomer(api, "Goodwill " + unique(), null, null, null);
        Api.Response opened = api.post("/api/v1/cases", "clerk", """
                {"customerId":"%s","category":"COMPLAINT","channel":"EMAIL","subject":"Rude answer"}""".formatted(customer));
        String number = opened.text("caseNumber");
        api.post("/api/v1/cases/" + number + "/notes", "clerk", "{\"text\":\"Apologised on the phone\"}");

        Api.Response resolved = api.postIdempotent("/api/v1/cases/" + number + "/resolve", "clerk", "gw-" + number,
                "{\"resolution\":\"Apology and credit\",\"goodwill\":{\"type\":\"STORE_CREDIT\",\"amount\":\"10.00\"}}");
        Api.Response repeated = api.postIdempotent("/api/v1/cases/" + number + "/resolve", "clerk", "gw-" + number,
                "{\"resolution\":\"Apology and credit\",\"goodwill\":{\"type\":\"STORE_CREDIT\",\"amount\":\"10.00\"}}");

        assertThat(resolved.status()).as(resolved.body()).isEqualTo(200);
        JsonNode goodwill = resolved.json().get("goodwill");
        assertThat(goodwill.get("type").asString()).isEqualTo("STORE_CREDIT");
        assertThat(goodwill.get("amount").asString()).isEqualTo("10.00");
        String code = goodwill.get("code").asString();
        assertThat(repeated.headers().get("idempotent-replayed")).isEqualTo("true");
        assertThat(repeated.json().get("goodwill").get("code").asString()).isEqualTo(code);
        Api.Response credit = api.get("/api/v1/store-credits/" + code, "clerk");
        assertThat(credit.status()).as(credit.body()).isEqualTo(200);
        assertThat(credit.text("balance")).isEqualTo("10.00");

        // 2 x 2.19 = 4.38 paid from the credit
        Api.Response sale = api.post("/api/v1/sales", "clerk", """
                {"drawerId":"D3","lines":[{"sku":"LV-1008","quantity":2}],
                 "tenders":[{"type":"STORE_CREDIT","code":"%s"}]}""".formatted(code));

        assertThat(sale.status()).as(sale.body()).isEqualTo(201);
        assertThat(sale.json().get("tenders").get(0).get("type").asString()).isEqualTo("STORE_CREDIT");
        assertThat(sale.json().get("tenders").get(0).get("amount").asString()).isEqualTo("4.38");
        assertThat(api.get("/api/v1/store-credits/" + code, "clerk").text("balance")).isEqualTo("5.62");
    }
}
