package io.storedesk.pos.sale;

import io.storedesk.pos.support.Api;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Czech store: prices in CZK, Czech VAT (21 % and 12 %), cash rounded to whole crowns, Czech
 * denominations in the drawer.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "pos.data-dir=target/test-data/czech-${random.uuid}",
        "pos.store.id=S002", "pos.store.currency=CZK", "pos.store.locale=cs-CZ", "pos.store.zone=Europe/Prague",
        "pos.catalog.tax-categories.SUPER_REDUCED.rate=12", "pos.catalog.tax-categories.SUPER_REDUCED.letter=B"})
class CzechStoreIntegrationTests {

    @LocalServerPort
    int port;

    @Test
    void cashIsRoundedToWholeCrownsAndCountedInCzechDenominations() {
        Api api = new Api(port);
        assertThat(api.post("/api/v1/drawers/D1/open", "clerk", "{\"float\":{\"0.50\":2}}").status()).isEqualTo(400);
        assertThat(api.post("/api/v1/drawers/D1/open", "clerk", "{\"float\":{\"1000\":1,\"100\":5,\"20\":10}}")
                .status()).isEqualTo(201);

        // 2 x 1.89 = 3.78 (12 %) + 1 x 1.39 (21 %) = 5.17 CZK -> 5.00 in cash
        Api.Response r = api.post("/api/v1/sales", "clerk", """
                {"drawerId":"D1","lines":[{"sku":"LV-1001","quantity":2},{"sku":"CZ-3001","quantity":1}],
                 "tenders":[{"type":"CASH","amount":"10.00"}]}""");

        assertThat(r.status()).as(r.body()).isEqualTo(201);
        JsonNode sale = r.json();
        assertThat(sale.get("currency").asString()).isEqualTo("CZK");
        assertThat(sale.get("receiptNumber").asString()).startsWith("S002-R01-");
        assertThat(sale.get("total").asString()).isEqualTo("5.17");
        assertThat(sale.get("cashRounding").asString()).isEqualTo("-0.17");
        assertThat(sale.get("tenders").get(0).get("amount").asString()).isEqualTo("5.00");
        assertThat(sale.get("change").asString()).isEqualTo("5.00");
    }
}
