package io.storedesk.pos.sale;

import io.storedesk.pos.support.Api;
import io.storedesk.pos.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Bad input gets a clear problem+json answer and leaves nothing behind. */
class SaleInputValidationIntegrationTests extends IntegrationTest {

    private long sales;
    private long journalEntries;
    private long postings;

    @BeforeEach
    void snapshot() {
        ensureOpen("D1");
        sales = count("sale");
        journalEntries = count("journal_entry");
        postings = count("drawer_posting");
    }

    private Api.Response sale(String json) {
        return api.post("/api/v1/sales", "clerk", json);
    }

    private void assertNothingStored() {
        assertThat(count("sale")).isEqualTo(sales);
        assertThat(count("sale_line")).isEqualTo(jdbc.sql("SELECT COUNT(*) FROM sale_line l JOIN sale s ON s.id = l.sale_id")
                .query(Long.class).single());
        assertThat(count("journal_entry")).isEqualTo(journalEntries);
        assertThat(count("drawer_posting")).isEqualTo(postings);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            quantity zero        | {"drawerId":"D1","lines":[{"sku":"LV-1001","quantity":0}],"tenders":[{"type":"CASH","amount":"5.00"}]}           | lines[0].quantity
            quantity too large   | {"drawerId":"D1","lines":[{"sku":"LV-1001","quantity":10000}],"tenders":[{"type":"CASH","amount":"5.00"}]}       | lines[0].quantity
            quantity negative    | {"drawerId":"D1","lines":[{"sku":"LV-1001","quantity":-1}],"tenders":[{"type":"CASH","amount":"5.00"}]}          | lines[0].quantity
            quantity fraction    | {"drawerId":"D1","lines":[{"sku":"LV-1001","quantity":2.5}],"tenders":[{"type":"CASH","amount":"5.00"}]}         | lines[0].quantity
            quantity as text     | {"drawerId":"D1","lines":[{"sku":"LV-1001","quantity":"2"}],"tenders":[{"type":"CASH","amount":"5.00"}]}         | lines[0].quantity
            quantity huge        | {"drawerId":"D1","lines":[{"sku":"LV-1001","quantity":99999999999999999999}],"tenders":[{"type":"CASH","amount":"5.00"}]} | lines[0].quantity
            empty basket         | {"drawerId":"D1","lines":[],"tenders":[{"type":"CASH","amount":"5.00"}]}                                          | lines
            no basket            | {"drawerId":"D1","tenders":[{"type":"CASH","amount":"5.00"}]}                                                     | lines
            no tenders           | {"drawerId":"D1","lines":[{"sku":"LV-1001","quantity":1}],"tenders":[]}                                           | tenders
            negative amount      | {"drawerId":"D1","lines":[{"sku":"LV-1001","quantity":1}],"tenders":[{"type":"CASH","amount":"-5.00"}]}          | tenders[0].amount
            absurd amount        | {"drawerId":"D1","lines":[{"sku":"LV-1001","quantity":1}],"tenders":[{"type":"CASH","amount":"99999999999999.00"}]} | tenders[0].amount
            exponent amount      | {"drawerId":"D1","lines":[{"sku":"LV-1001","quantity":1}],"tenders":[{"type":"CASH","amount":"1e30"}]}           | tenders[0].amount
            amount as number     | {"drawerId":"D1","lines":[{"sku":"LV-1001","quantity":1}],"tenders":[{"type":"CASH","amount":5.00}]}             | tenders[0].amount
            unknown tender type  | {"drawerId":"D1","lines":[{"sku":"LV-1001","quantity":1}],"tenders":[{"type":"BITCOIN","amount":"5.00"}]}        | tenders[0].type
            over-long sku        | {"drawerId":"D1","lines":[{"sku":"XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX","quantity":1}],"tenders":[{"type":"CASH","amount":"5.00"}]} | lines[0].sku
            over-long drawer     | {"drawerId":"DDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDD","lines":[{"sku":"LV-1001","quantity":1}],"tenders":[{"type":"CASH","amount":"5.00"}]} | drawerId
            blank drawer         | {"drawerId":"  ","lines":[{"sku":"LV-1001","quantity":1}],"tenders":[{"type":"CASH","amount":"5.00"}]}           | drawerId
            """)
    void badFieldIsA400NamingTheField(String what, String body, String field) {
        Api.Response r = sale(body);

        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.body()).contains(field);
        assertThat(r.body()).doesNotContain("Exception", "at io.", "SQL", "tools.jackson");
        assertNothingStored();
    }

    @Test
    void amountWithMoreDecimalsThanTheCurrencyIsRefused() {
        Api.Response r = sale("""
                {"drawerId":"D1","lines":[{"sku":"LV-1001","quantity":1}],"tenders":[{"type":"CASH","amount":"5.001"}]}""");

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.text("detail")).contains("tenders[0].amount", "decimals");
        assertNothingStored();
    }

    @Test
    void malformedJsonIsA400() {
        Api.Response r = sale("{\"drawerId\":\"D1\", \"lines\": [");

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.text("type")).endsWith("/problems/malformed-request");
        assertNothingStored();
    }

    @Test
    void unknownItemIsA422NamingIt() {
        Api.Response r = sale("""
                {"drawerId":"D1","lines":[{"sku":"LV-1001","quantity":1},{"sku":"NO-SUCH-1","quantity":1}],
                 "tenders":[{"type":"CASH","amount":"50.00"}]}""");

        assertThat(r.status()).isEqualTo(422);
        assertThat(r.text("type")).endsWith("/problems/unknown-item");
        assertThat(r.text("detail")).contains("NO-SUCH-1");
        assertNothingStored();
    }

    @Test
    void tendersShortIsA422WithTheAmountDue() {
        Api.Response r = sale("""
                {"drawerId":"D1","lines":[{"sku":"EL-2002","quantity":1}],"tenders":[{"type":"CASH","amount":"40.00"}]}""");

        assertThat(r.status()).isEqualTo(422);
        assertThat(r.text("type")).endsWith("/problems/tenders-short");
        assertThat(r.text("amountDue")).isEqualTo("49.00");
        assertThat(r.text("detail")).contains("49.00", "40.00");
        assertNothingStored();
    }

    @Test
    void unknownDrawerIsA422ListingTheDrawers() {
        Api.Response r = sale("""
                {"drawerId":"D9","lines":[{"sku":"LV-1001","quantity":1}],"tenders":[{"type":"CASH","amount":"5.00"}]}""");

        assertThat(r.status()).isEqualTo(422);
        assertThat(r.text("detail")).contains("D9", "D1");
        assertNothingStored();
    }

    @Test
    void zeroCashTenderIsRefused() {
        Api.Response r = sale("""
                {"drawerId":"D1","lines":[{"sku":"LV-1001","quantity":1}],"tenders":[{"type":"CASH","amount":"0.00"},{"type":"CASH","amount":"5.00"}]}""");

        assertThat(r.status()).isEqualTo(400);
        assertNothingStored();
    }
}
