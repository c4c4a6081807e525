package io.storedesk.pos.customer;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import io.storedesk.pos.loyalty.LoyaltyAccounts;
import io.storedesk.pos.support.Api;
import io.storedesk.pos.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import static io.storedesk.pos.customer.CustomerTestSupport.createCustomer;
import static io.storedesk.pos.customer.CustomerTestSupport.unique;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A customer's purchases (the sales with their loyalty card and the returns of those sales) and
 * finding a receipt without the paper, at drawer D3.
 */
class PurchaseHistoryIntegrationTests extends IntegrationTest {

    static final String VISA = "4761739001010010";

    @Autowired
    LoyaltyAccounts loyalty;

    private final LocalDate today = LocalDate.now(ZoneId.of("Europe/Riga"));

    @BeforeEach
    void openDrawer() {
        ensureOpen("D3");
    }

    private JsonNode sale(String card, String lines, String tender) {
        Api.Response r = api.post("/api/v1/sales", "clerk", """
                {"drawerId":"D3","loyaltyCard":%s,"lines":[%s],"tenders":[%s]}"""
                .formatted(CustomerTestSupport.q(card), lines, tender));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    private List<String> receipts(Api.Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().valueStream().map(s -> s.get("receiptNumber").asString()).toList();
    }

    @Test
    void purchaseHistoryShowsTheCustomersSalesAndReturnsNewestFirst() {
        String card = CustomerTestSupport.loyaltyCard(loyalty, 250);
        String customer = createCustomer(api, "Marta Zariņa " + unique(), null, null, card);
        String cash = sale(card, "{\"sku\":\"LV-1001\",\"quantity\":2}", "{\"type\":\"CASH\",\"amount\":\"5.00\"}")
                .get("receiptNumber").asString();
        String other = sale(null, "{\"sku\":\"LV-1001\",\"quantity\":1}", "{\"type\":\"CASH\",\"amount\":\"2.00\"}")
                .get("receiptNumber").asString();
        String byCard = sale(card, "{\"sku\":\"LV-1011\",\"quantity\":1}",
                "{\"type\":\"CARD\",\"card\":{\"pan\":\"" + VISA + "\",\"expiry\":\"3012\"}}").get("receiptNumber").asString();
        Api.Response returned = api.post("/api/v1/returns", "clerk", """
                {"receiptNumber":"%s","drawerId":"D3","lines":[{"lineNo":1,"quantity":1,"reason":"DEFECTIVE",
                 "restock":false}]}""".formatted(cash));
        assertThat(returned.status()).as(returned.body()).isEqualTo(201);

        Api.Response r = api.get("/api/v1/customers/" + customer + "/purchases", "clerk");
        Api.Response c = api.get("/api/v1/customers/" + customer, "clerk");

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        long balance = api.get("/api/v1/loyalty/" + card, "clerk").json().get("balance").asLong();
        assertThat(balance).isGreaterThan(250);
        assertThat(c.json().get("loyaltyBalance").asLong()).isEqualTo(balance);
        JsonNode history = r.json();
        assertThat(history.valueStream().map(p -> p.get("type").asString() + " " + p.get("number").asString()))
                .containsExactly("RETURN " + returned.text("returnNumber"), "SALE " + byCard, "SALE " + cash);
        assertThat(history.get(0).get("receiptNumber").asString()).isEqualTo(cash);
        assertThat(history.get(0).get("amount").asString()).isEqualTo("1.90");
        assertThat(history.get(1).get("amount").asString()).isEqualTo("7.49");
        assertThat(history.get(2).get("amount").asString()).isEqualTo("3.78");
        assertThat(history.get(2).get("items").get(0).get("quantity").asInt()).isEqualTo(2);
        assertThat(receipts(api.get("/api/v1/sales?customerId=" + customer, "clerk")))
                .containsExactly(byCard, cash).doesNotContain(other);
    }

    @Test
    void aReceiptIsFoundByTheCardsLastFourDigitsAndTheAmount() {
        // 7 x 12.99 less any promotion: unlikely to be any other card sale's total today
        JsonNode sold = sale(null, "{\"sku\":\"LV-1013\",\"quantity\":7}",
                "{\"type\":\"CARD\",\"card\":{\"pan\":\"" + VISA + "\",\"expiry\":\"3012\"}}");
        String receipt = sold.get("receiptNumber").asString();
        String total = sold.get("total").asString();
        String otherTotal = new java.math.BigDecimal(total).add(new java.math.BigDecimal("0.01")).toPlainString();
        LocalDate day = LocalDate.parse(sold.get("businessDate").asString());

        Api.Response found = api.get("/api/v1/sales?cardLast4=0010&total=%s&from=%s&to=%s".formatted(total, day, day),
                "clerk");

        assertThat(receipts(found)).contains(receipt);
        assertThat(found.json().valueStream().map(s -> s.get("total").asString())).containsOnly(total);
        assertThat(receipts(api.get("/api/v1/sales?cardLast4=0010&total=" + total, "clerk"))).contains(receipt);
        assertThat(receipts(api.get("/api/v1/sales?cardLast4=0011&total=" + total, "clerk"))).doesNotContain(receipt);
        assertThat(receipts(api.get("/api/v1/sales?cardLast4=0010&total=" + otherTotal, "clerk"))).doesNotContain(receipt);
        assertThat(receipts(api.get("/api/v1/sales?cardLast4=0010&total=%s&from=%s&to=%s"
                .formatted(total, day.minusDays(3), day.minusDays(1)), "clerk"))).doesNotContain(receipt);
        assertThat(api.get("/api/v1/sales?cardLast4=10", "clerk").status()).isEqualTo(400);
    }

    @Test
    void aCustomerWithoutACardHasNoPurchases() {
        String customer = createCustomer(api, "No Card " + unique(), null, null, null);

        assertThat(api.get("/api/v1/customers/" + customer + "/purchases", "clerk").json().size()).isZero();
        assertThat(receipts(api.get("/api/v1/sales?customerId=" + customer, "clerk"))).isEmpty();
        assertThat(api.get("/api/v1/customers/00000000-0000-0000-0000-000000000000/purchases", "clerk").status())
                .isEqualTo(404);
    }
}
