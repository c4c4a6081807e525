package io.storedesk.pos.common;

import io.storedesk.pos.support.Api;
import io.storedesk.pos.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A field given twice in one JSON object is a malformed request, never "the last one wins". */
class StrictJsonIntegrationTests extends IntegrationTest {

    @Test
    void aQuantityGivenTwiceIsRefusedAndNothingIsSold() {
        ensureOpen("D3");
        long sales = count("sale");

        Api.Response r = api.post("/api/v1/sales", "clerk", """
                {"drawerId":"D3","lines":[{"sku":"LV-1001","quantity":1,"quantity":3}],
                 "tenders":[{"type":"CASH","amount":"50.00"}]}""");

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.text("type")).endsWith("/problems/malformed-request");
        assertThat(r.text("detail")).contains("quantity", "more than once");
        assertThat(count("sale")).isEqualTo(sales);
    }

    @Test
    void anAmountGivenTwiceIsRefusedAndNothingIsBooked() {
        ensureOpen("D3");
        long postings = count("drawer_posting");

        Api.Response r = api.post("/api/v1/drawers/D3/movements", "clerk",
                "{\"type\":\"PAID_IN\",\"amount\":\"1.00\",\"amount\":\"900.00\",\"reason\":\"float top-up\"}");

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.text("detail")).contains("'amount'");
        assertThat(count("drawer_posting")).isEqualTo(postings);
    }
}
