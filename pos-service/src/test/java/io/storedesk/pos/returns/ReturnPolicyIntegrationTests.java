package io.storedesk.pos.returns;

import io.storedesk.pos.support.Api;
import io.storedesk.pos.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The return policy from config/application.yml over HTTP at drawer D2: PHARMACY is not
 * returnable, cash refunds above 150.00 need approval, returns without a receipt need approval,
 * pay store credit at the lowest recent price and stop at 100.00 per customer per month.
 */
class ReturnPolicyIntegrationTests extends IntegrationTest {

    static final String APPROVAL = ",\"approval\":{\"manager\":\"manager\",\"pin\":\"1234\"}";

    @BeforeEach
    void openDrawer() {
        ensureOpen("D2");
    }


    private Api.Response returnOf(String receipt, int quantity, String extra) {
        return api.post("/api/v1/returns", "clerk", """
                {"receiptNumber":"%s","drawerId":"D2","lines":[{"lineNo":1,"quantity":%d,"reason":"DEFECTIVE",
                 "restock":false}]%s}""".formatted(receipt, quantity, extra));
    }

    @Test
    void goodsOfANonReturnableDepartmentNeedApproval() {
        String receipt = cashSale("D2", "LV-1028", 1, "3.85");

        Api.Response refused = returnOf(receipt, 1, "");
        Api.Response approved = returnOf(receipt, 1, APPROVAL);

        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.text("type")).endsWith("/problems/department-not-returnable");
        assertThat(refused.text("detail")).contains("PHARMACY");
        assertThat(approved.status()).as(approved.body()).isEqualTo(201);
        assertThat(approved.text("approvedBy")).isEqualTo("manager");
    }

    @Test
    void aCashRefundOverTheLimitNeedsApprovalButStoreCreditDoesNot() {
        String receipt = cashSale("D2", "EL-2002", 4, "196.00");

        Api.Response refused = returnOf(receipt, 4, "");
        Api.Response asCredit = returnOf(receipt, 2, ",\"refundMethod\":\"STORE_CREDIT\"");
        Api.Response cashWithinLimit = returnOf(receipt, 2, "");

        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.text("type")).endsWith("/problems/cash-refund-limit");
        assertThat(asCredit.status()).as(asCredit.body()).isEqualTo(201);
        assertThat(asCredit.text("refundTotal")).isEqualTo("98.00");
        assertThat(cashWithinLimit.status()).as(cashWithinLimit.body()).isEqualTo(201);
        assertThat(cashWithinLimit.json().get("refunds").get(0).get("type").asString()).isEqualTo("CASH");
    }

    private Api.Response noReceipt(String customer, String sku, int quantity, String extra) {
        return api.post("/api/v1/returns", "clerk", """
                {"drawerId":"D2","customerRef":"%s","lines":[{"sku":"%s","quantity":%d,"reason":"OTHER","restock":true}]%s}"""
                .formatted(customer, sku, quantity, extra));
    }

    @Test
    void aReturnWithoutReceiptNeedsApprovalAndRefundsStoreCreditAtTheLowestPrice() {
        String customer = "LV-ID-" + System.nanoTime();
        Api.Response refused = noReceipt(customer, "LV-1024", 2, "");
        Api.Response cash = noReceipt(customer, "LV-1024", 2, ",\"refundMethod\":\"CASH\"" + APPROVAL);
        Api.Response approved = noReceipt(customer, "LV-1024", 2, APPROVAL);

        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.text("type")).endsWith("/problems/approval-required");
        assertThat(cash.status()).isEqualTo(422);
        assertThat(cash.text("type")).endsWith("/problems/no-receipt-store-credit-only");
        assertThat(approved.status()).as(approved.body()).isEqualTo(201);
        assertThat(approved.json().get("receiptNumber").isNull()).isTrue();
        assertThat(approved.json().get("refunds")).singleElement().satisfies(f -> {
            assertThat(f.get("type").asString()).isEqualTo("STORE_CREDIT");
            assertThat(f.get("amount").asString()).isEqualTo("11.30");
        });
        String code = approved.json().get("refunds").get(0).get("storeCreditCode").asString();
        assertThat(api.get("/api/v1/store-credits/" + code, "clerk").text("balance")).isEqualTo("11.30");
    }

    @Test
    void theRefundWithoutReceiptIsTheLowestPriceTheItemRecentlySoldAt() {
        // the demo has no price change yet: make one sold line carry a lower net paid, as a discount would
        String receipt = cashSale("D2", "LV-1025", 1, "5.00");
        jdbc.sql("UPDATE sale_line SET net = 3.99 WHERE sale_id = (SELECT id FROM sale WHERE receipt_number = ?)")
                .param(receipt).update();

        Api.Response r = noReceipt("LV-ID-" + System.nanoTime(), "LV-1025", 1, APPROVAL);

        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.text("refundTotal")).isEqualTo("3.99");
    }

    @Test
    void returnsWithoutReceiptStopAtTheMonthlyLimitPerCustomer() {
        String customer = "LV-ID-" + System.nanoTime();
        Api.Response first = noReceipt(customer, "LV-1023", 3, APPROVAL);
        Api.Response second = noReceipt(" " + customer.toLowerCase() + " ", "LV-1023", 2, APPROVAL);
        Api.Response otherCustomer = noReceipt(customer + "-2", "LV-1023", 2, APPROVAL);

        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(first.text("refundTotal")).isEqualTo("74.70");
        assertThat(second.status()).as(second.body()).isEqualTo(422);
        assertThat(second.text("type")).endsWith("/problems/no-receipt-limit-exceeded");
        assertThat(second.text("refundedThisMonth")).isEqualTo("74.70");
        assertThat(otherCustomer.status()).as(otherCustomer.body()).isEqualTo(201);
    }

    @Test
    void aReturnWithoutReceiptNeedsACustomerAndSkus() {
        Api.Response noCustomer = api.post("/api/v1/returns", "clerk", """
                {"drawerId":"D2","lines":[{"sku":"LV-1023","quantity":1,"reason":"OTHER","restock":true}]%s}"""
                .formatted(APPROVAL));
        Api.Response noSku = api.post("/api/v1/returns", "clerk", """
                {"drawerId":"D2","customerRef":"X1","lines":[{"quantity":1,"reason":"OTHER","restock":true}]%s}"""
                .formatted(APPROVAL));

        assertThat(noCustomer.status()).isEqualTo(400);
        assertThat(noCustomer.json().get("errors").get(0).get("field").asString()).isEqualTo("customerRef");
        assertThat(noSku.status()).isEqualTo(400);
        assertThat(noSku.json().get("errors").get(0).get("field").asString()).isEqualTo("lines[0].sku");
    }
}
