package io.storedesk.pos.cases;

import io.storedesk.pos.support.Api;
import io.storedesk.pos.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static io.storedesk.pos.customer.CustomerTestSupport.createCustomer;
import static io.storedesk.pos.customer.CustomerTestSupport.unique;
import static org.assertj.core.api.Assertions.assertThat;

/** A goodwill coupon (GW-...) from a resolved case takes its amount off one purchase at D3, and no second. */
class GoodwillCouponIntegrationTests extends IntegrationTest {

    @BeforeEach
    void openDrawer() {
        ensureOpen("D3");
    }

    @Test
    void aGoodwillCouponIsHonouredOnceAtTheTill() {
        String customer = createCustomer(api, "Coupon " + unique(), null, null, null);
        String number = api.post("/api/v1/cases", "clerk", """
                {"customerId":"%s","category":"COMPLAINT","channel":"IN_STORE","subject":"Broken kettle"}"""
                .formatted(customer)).text("caseNumber");
        Api.Response resolved = api.post("/api/v1/cases/" + number + "/resolve", "clerk",
                "{\"resolution\":\"Sorry\",\"goodwill\":{\"type\":\"COUPON\",\"amount\":\"5.00\"}}");
        assertThat(resolved.status()).as(resolved.body()).isEqualTo(200);
        String code = resolved.json().get("goodwill").get("code").asString();
        String basket = "\"lines\":[{\"sku\":\"EL-2002\",\"quantity\":1}],\"coupons\":[\"%s\"]";

        Api.Response quote = api.post("/api/v1/sales/quote", "clerk", "{" + basket.formatted(code.toLowerCase()) + "}");
        assertThat(quote.status()).as(quote.body()).isEqualTo(200);
        assertThat(quote.text("total")).isEqualTo("44.00");
        assertThat(quote.text("discountTotal")).isEqualTo("5.00");
        assertThat(quote.json().get("promotions")).singleElement().satisfies(p -> {
            assertThat(p.get("code").asString()).isEqualTo(code);
            assertThat(p.get("amount").asString()).isEqualTo("5.00");
            assertThat(p.get("description").asString()).contains(number);
        });

        String saleBody = "{\"drawerId\":\"D3\"," + basket.formatted(code)
                + ",\"tenders\":[{\"type\":\"CASH\",\"amount\":\"50.00\"}]}";
        Api.Response sale = api.post("/api/v1/sales", "clerk", saleBody);
        assertThat(sale.status()).as(sale.body()).isEqualTo(201);
        assertThat(sale.text("total")).isEqualTo("44.00");
        assertThat(sale.text("change")).isEqualTo("6.00");
        JsonNode promotions = api.get("/api/v1/sales/" + sale.text("receiptNumber"), "clerk").json().get("promotions");
        assertThat(promotions).singleElement().satisfies(p -> assertThat(p.get("code").asString()).isEqualTo(code));

        Api.Response second = api.post("/api/v1/sales", "clerk", saleBody);
        assertThat(second.status()).as(second.body()).isEqualTo(422);
        assertThat(second.text("type")).endsWith("/problems/coupon-already-used");
        Api.Response secondQuote = api.post("/api/v1/sales/quote", "clerk", "{" + basket.formatted(code) + "}");
        assertThat(secondQuote.text("type")).endsWith("/problems/coupon-already-used");
        Api.Response unknown = api.post("/api/v1/sales/quote", "clerk", "{" + basket.formatted("GW-NOSUCHCODE") + "}");
        assertThat(unknown.text("type")).endsWith("/problems/unknown-coupon");
    }
}
