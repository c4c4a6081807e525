package io.storedesk.pos.returns;

import io.storedesk.pos.support.Api;
import io.storedesk.pos.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Store credit over HTTP at drawer D2: issued by a return, looked up, spent as a tender, given back. */
class StoreCreditIntegrationTests extends IntegrationTest {

    @BeforeEach
    void openDrawer() {
        ensureOpen("D2");
    }


    private String creditFromReturn(String sku, String price) {
        String receipt = cashSale("D2", sku, 1, "20.00");
        Api.Response r = api.post("/api/v1/returns", "clerk", """
                {"receiptNumber":"%s","drawerId":"D2","lines":[{"lineNo":1,"quantity":1,"reason":"CHANGED_MIND",
                 "restock":true}],"refundMethod":"STORE_CREDIT"}""".formatted(receipt));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        JsonNode refund = r.json().get("refunds").get(0);
        assertThat(refund.get("type").asString()).isEqualTo("STORE_CREDIT");
        assertThat(refund.get("amount").asString()).isEqualTo(price);
        return refund.get("storeCreditCode").asString();
    }

    private String balance(String code) {
        Api.Response r = api.get("/api/v1/store-credits/" + code, "clerk");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.text("balance");
    }

    @Test
    void aReturnToStoreCreditIssuesACodeWithTheRefundAsBalanceAndNoCashLeavesTheDrawer() {
        String before = api.get("/api/v1/drawers/D2/x-report", "manager").text("expectedCash");
        String code = creditFromReturn("LV-1013", "12.99");

        assertThat(code).matches("SC-[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}");
        Api.Response credit = api.get("/api/v1/store-credits/" + code.toLowerCase(), "clerk");
        assertThat(credit.status()).isEqualTo(200);
        assertThat(credit.text("balance")).isEqualTo("12.99");
        assertThat(credit.text("currency")).isEqualTo("EUR");
        // the sale's 12.99 cash stayed in the drawer: only the sale (rounded to 13.00) added to it
        String after = api.get("/api/v1/drawers/D2/x-report", "manager").text("expectedCash");
        assertThat(new java.math.BigDecimal(after).subtract(new java.math.BigDecimal(before))).isEqualByComparingTo("13.00");
    }

    @Test
    void storeCreditPaysPartOfASaleAndCashTheRest() {
        String code = creditFromReturn("LV-1016", "4.50");

        Api.Response sale = api.post("/api/v1/sales", "clerk", """
                {"drawerId":"D2","lines":[{"sku":"LV-1013","quantity":1}],
                 "tenders":[{"type":"STORE_CREDIT","code":"%s"},{"type":"CASH","amount":"10.00"}]}""".formatted(code));

        assertThat(sale.status()).as(sale.body()).isEqualTo(201);
        JsonNode tenders = sale.json().get("tenders");
        assertThat(tenders.get(0).get("type").asString()).isEqualTo("STORE_CREDIT");
        assertThat(tenders.get(0).get("amount").asString()).isEqualTo("4.50");
        assertThat(tenders.get(1).get("type").asString()).isEqualTo("CASH");
        assertThat(tenders.get(1).get("amount").asString()).isEqualTo("8.50");
        assertThat(sale.text("change")).isEqualTo("1.50");
        assertThat(balance(code)).isEqualTo("0.00");
    }

    @Test
    void storeCreditWithAnAmountPaysThatMuchAndKeepsTheRest() {
        String code = creditFromReturn("LV-1013", "12.99");

        Api.Response sale = api.post("/api/v1/sales", "clerk", """
                {"drawerId":"D2","lines":[{"sku":"LV-1014","quantity":1}],
                 "tenders":[{"type":"STORE_CREDIT","code":"%s"}]}""".formatted(code));

        assertThat(sale.status()).as(sale.body()).isEqualTo(201);
        assertThat(sale.json().get("tenders")).singleElement()
                .satisfies(t -> assertThat(t.get("amount").asString()).isEqualTo("2.49"));
        assertThat(balance(code)).isEqualTo("10.50");
    }

    @Test
    void askingForMoreThanTheBalanceIsRefusedAndNothingIsTaken() {
        String code = creditFromReturn("LV-1016", "4.50");
        long sales = count("sale");

        Api.Response r = api.post("/api/v1/sales", "clerk", """
                {"drawerId":"D2","lines":[{"sku":"LV-1013","quantity":1}],
                 "tenders":[{"type":"STORE_CREDIT","code":"%s","amount":"5.00"},{"type":"CASH","amount":"10.00"}]}"""
                .formatted(code));

        assertThat(r.status()).as(r.body()).isEqualTo(422);
        assertThat(r.text("type")).endsWith("/problems/store-credit-insufficient");
        assertThat(r.text("balance")).isEqualTo("4.50");
        assertThat(balance(code)).isEqualTo("4.50");
        assertThat(count("sale")).isEqualTo(sales);
    }

    @Test
    void anUnknownCodeIsRefusedAsATenderAndNotFoundWhenLookedUp() {
        Api.Response r = api.post("/api/v1/sales", "clerk", """
                {"drawerId":"D2","lines":[{"sku":"LV-1013","quantity":1}],
                 "tenders":[{"type":"STORE_CREDIT","code":"SC-AAAA-BBBB-CCCC"}]}""");

        assertThat(r.status()).as(r.body()).isEqualTo(422);
        assertThat(r.text("type")).endsWith("/problems/unknown-store-credit");
        assertThat(api.get("/api/v1/store-credits/SC-AAAA-BBBB-CCCC", "clerk").status()).isEqualTo(404);
        assertThat(api.get("/api/v1/store-credits/SC-AAAA-BBBB-CCCC", "office").status()).isEqualTo(403);
    }

    @Test
    void returningGoodsPaidWithStoreCreditGivesTheCreditBackBeforeAnyCash() {
        String code = creditFromReturn("LV-1016", "4.50");
        Api.Response sale = api.post("/api/v1/sales", "clerk", """
                {"drawerId":"D2","lines":[{"sku":"LV-1016","quantity":1},{"sku":"LV-1014","quantity":1}],
                 "tenders":[{"type":"STORE_CREDIT","code":"%s"},{"type":"CASH","amount":"5.00"}]}""".formatted(code));
        assertThat(sale.status()).as(sale.body()).isEqualTo(201);
        assertThat(balance(code)).isEqualTo("0.00");

        Api.Response r = api.post("/api/v1/returns", "clerk", """
                {"receiptNumber":"%s","drawerId":"D2","lines":[{"lineNo":2,"quantity":1,"reason":"DEFECTIVE",
                 "restock":false}]}""".formatted(sale.text("receiptNumber")));

        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.json().get("refunds")).singleElement().satisfies(f -> {
            assertThat(f.get("type").asString()).isEqualTo("STORE_CREDIT");
            assertThat(f.get("amount").asString()).isEqualTo("2.49");
            assertThat(f.get("storeCreditCode").asString()).isEqualTo(code);
        });
        assertThat(balance(code)).isEqualTo("2.49");
    }
}
