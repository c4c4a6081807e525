package io.storedesk.pos.sale;

import java.time.LocalDate;
import java.time.ZoneId;

import io.storedesk.pos.support.Api;
import io.storedesk.pos.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** A clerk rings up cash sales over HTTP; the demo store rounds cash to 0.05 EUR. */
class CashSaleIntegrationTests extends IntegrationTest {

    static final String TWO_RATES = """
            {"drawerId":"D1","lines":[{"sku":"LV-1001","quantity":2},{"sku":"4750001002591","quantity":1}],
             "tenders":[{"type":"CASH","amount":"10.00"}]}""";

    @BeforeEach
    void openDrawer() {
        ensureOpen("D1");
    }

    @Test
    void saleWithTaxAtTwoRatesHasCorrectLinesTotalsAndTaxTable() {
        Api.Response r = api.post("/api/v1/sales", "clerk", TWO_RATES);

        assertThat(r.status()).as(r.body()).isEqualTo(201);
        JsonNode sale = r.json();
        assertThat(sale.get("receiptNumber").asString())
                .matches("S001-R01-" + sale.get("businessDate").asString().replace("-", "") + "-\\d{6}");
        // the business date is the drawer session's: today in Riga, or yesterday for a shift past midnight
        LocalDate riga = LocalDate.now(ZoneId.of("Europe/Riga"));
        assertThat(LocalDate.parse(sale.get("businessDate").asString())).isBetween(riga.minusDays(1), riga);
        assertThat(sale.get("lines")).hasSize(2);
        JsonNode bread = sale.get("lines").get(0);
        assertThat(bread.get("net").asString()).isEqualTo("3.78");
        assertThat(bread.get("tax").asString()).isEqualTo("0.41");
        assertThat(bread.get("taxRate").asString()).isEqualTo("12");
        JsonNode chocolate = sale.get("lines").get(1);
        assertThat(chocolate.get("sku").asString()).isEqualTo("LV-1008");
        assertThat(chocolate.get("name").asString()).isEqualTo("Šokolāde “Laima” 100 g");
        assertThat(chocolate.get("tax").asString()).isEqualTo("0.38");
        assertThat(sale.get("subtotal").asString()).isEqualTo("5.97");
        assertThat(sale.get("total").asString()).isEqualTo("5.97");
        assertThat(sale.get("taxTotal").asString()).isEqualTo("0.79");
        JsonNode taxes = sale.get("taxes");
        assertThat(taxes).hasSize(2);
        assertThat(taxes.get(0).get("rate").asString()).isEqualTo("21");
        assertThat(taxes.get(0).get("net").asString()).isEqualTo("1.81");
        assertThat(taxes.get(0).get("tax").asString()).isEqualTo("0.38");
        assertThat(taxes.get(0).get("gross").asString()).isEqualTo("2.19");
        assertThat(taxes.get(1).get("rate").asString()).isEqualTo("12");
        assertThat(taxes.get(1).get("net").asString()).isEqualTo("3.37");
        assertThat(taxes.get(1).get("gross").asString()).isEqualTo("3.78");
    }

    @Test
    void cashIsRoundedToFiveCentsAndTheDifferenceIsItsOwnLine() {
        JsonNode sale = api.post("/api/v1/sales", "clerk", TWO_RATES).json();

        assertThat(sale.get("total").asString()).isEqualTo("5.97");
        assertThat(sale.get("cashRounding").asString()).isEqualTo("-0.02");
        assertThat(sale.get("tenders").get(0).get("amount").asString()).isEqualTo("5.95");
        assertThat(sale.get("totalPaid").asString()).isEqualTo("5.95");
    }

    @Test
    void roundingUpAlsoWorks() {
        // 3 x 0.89 = 2.67 -> 2.65; 1 x 1.39 = 1.39; total 4.06 -> cash 4.05
        JsonNode sale = api.post("/api/v1/sales", "clerk", """
                {"drawerId":"D1","lines":[{"sku":"LV-1005","quantity":3},{"sku":"CZ-3001","quantity":1}],
                 "tenders":[{"type":"CASH","amount":"4.05"}]}""").json();

        assertThat(sale.get("total").asString()).isEqualTo("4.06");
        assertThat(sale.get("cashRounding").asString()).isEqualTo("-0.01");
        assertThat(sale.get("change").asString()).isEqualTo("0.00");

        JsonNode up = api.post("/api/v1/sales", "clerk", """
                {"drawerId":"D1","lines":[{"sku":"LV-1005","quantity":2}],"tenders":[{"type":"CASH","amount":"2.00"}]}""")
                .json();
        assertThat(up.get("total").asString()).isEqualTo("1.78");
        assertThat(up.get("cashRounding").asString()).isEqualTo("0.02");
        assertThat(up.get("tenders").get(0).get("amount").asString()).isEqualTo("1.80");
        assertThat(up.get("change").asString()).isEqualTo("0.20");
    }

    @Test
    void changeIsTenderedMinusRoundedTotal() {
        JsonNode sale = api.post("/api/v1/sales", "clerk", """
                {"drawerId":"D1","lines":[{"sku":"EL-2002","quantity":1}],
                 "tenders":[{"type":"CASH","amount":"20.00"},{"type":"CASH","amount":"50.00"}]}""").json();

        assertThat(sale.get("total").asString()).isEqualTo("49.00");
        assertThat(sale.get("cashRounding").asString()).isEqualTo("0.00");
        assertThat(sale.get("change").asString()).isEqualTo("21.00");
        assertThat(sale.get("tenders").get(0).get("tendered").asString()).isEqualTo("70.00");
    }

    @Test
    void quoteShowsTheSameTotalsAsTheSale() {
        JsonNode quote = api.post("/api/v1/sales/quote", "clerk", """
                {"lines":[{"sku":"LV-1001","quantity":2},{"sku":"LV-1008","quantity":1}]}""").json();
        JsonNode sale = api.post("/api/v1/sales", "clerk", TWO_RATES).json();

        assertThat(quote.get("total").asString()).isEqualTo(sale.get("total").asString());
        assertThat(quote.get("taxTotal").asString()).isEqualTo(sale.get("taxTotal").asString());
        assertThat(quote.get("cashTotal").asString()).isEqualTo("5.95");
        assertThat(quote.get("taxes")).isEqualTo(sale.get("taxes"));
    }

    @Test
    void aCompletedSaleCanBeReadBackAndFoundByDateAndTotal() {
        JsonNode sale = api.post("/api/v1/sales", "clerk", """
                {"drawerId":"D1","lines":[{"sku":"RU-4007","quantity":1}],"tenders":[{"type":"CASH","amount":"30.00"}]}""")
                .json();
        String receipt = sale.get("receiptNumber").asString();

        Api.Response read = api.get("/api/v1/sales/" + receipt, "clerk");
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().get("lines").get(0).get("name").asString()).isEqualTo("Матрёшка деревянная, 5 шт.");
        assertThat(read.json().get("lines").get(0).get("returnedQuantity").asInt()).isZero();
        assertThat(read.json().get("total").asString()).isEqualTo("27.50");

        String today = sale.get("businessDate").asString();
        JsonNode found = api.get("/api/v1/sales?from=" + today + "&to=" + today + "&total=27.50", "clerk").json();
        assertThat(found.valueStream().map(n -> n.get("receiptNumber").asString())).contains(receipt);
        JsonNode none = api.get("/api/v1/sales?from=" + today + "&total=27.51", "clerk").json();
        assertThat(none.valueStream().map(n -> n.get("receiptNumber").asString())).doesNotContain(receipt);
    }

    @Test
    void unknownReceiptIsA404Problem() {
        Api.Response r = api.get("/api/v1/sales/S001-R01-20200101-999999", "clerk");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.text("type")).endsWith("/problems/not-found");
    }

    @Test
    void cashSaleNeedsAnOpenDrawer() {
        long before = count("sale");
        Api.Response r = api.post("/api/v1/sales", "clerk", """
                {"drawerId":"D4","lines":[{"sku":"LV-1001","quantity":1}],"tenders":[{"type":"CASH","amount":"5.00"}]}""");

        assertThat(r.status()).isEqualTo(409);
        assertThat(r.text("type")).endsWith("/problems/drawer-not-open");
        assertThat(count("sale")).isEqualTo(before);
    }

    @Test
    void cashInTheDrawerGrowsByWhatTheSaleTook() {
        java.math.BigDecimal before = jdbc.sql("SELECT expected_cash FROM drawer_session WHERE open_marker = 'D1'")
                .query(java.math.BigDecimal.class).single();
        api.post("/api/v1/sales", "clerk", TWO_RATES);
        java.math.BigDecimal after = jdbc.sql("SELECT expected_cash FROM drawer_session WHERE open_marker = 'D1'")
                .query(java.math.BigDecimal.class).single();

        assertThat(after.subtract(before)).isEqualByComparingTo("5.95");
    }
}
