package io.storedesk.pos.sale;

import io.storedesk.pos.support.Api;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** A store that configures no cash rounding takes cash to the cent. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "pos.data-dir=target/test-data/norounding-${random.uuid}", "pos.store.cash-rounding.EUR=0"})
class NoCashRoundingIntegrationTests {

    @LocalServerPort
    int port;

    @Test
    void cashPaysTheExactTotal() {
        Api api = new Api(port);
        api.post("/api/v1/drawers/D1/open", "clerk", "{\"float\":{\"20.00\":2}}");
        JsonNode sale = api.post("/api/v1/sales", "clerk", """
                {"drawerId":"D1","lines":[{"sku":"LV-1001","quantity":2},{"sku":"LV-1008","quantity":1}],
                 "tenders":[{"type":"CASH","amount":"10.00"}]}""").json();

        assertThat(sale.get("total").asString()).isEqualTo("5.97");
        assertThat(sale.get("cashRounding").asString()).isEqualTo("0.00");
        assertThat(sale.get("tenders").get(0).get("amount").asString()).isEqualTo("5.97");
        assertThat(sale.get("change").asString()).isEqualTo("4.03");
    }
}
