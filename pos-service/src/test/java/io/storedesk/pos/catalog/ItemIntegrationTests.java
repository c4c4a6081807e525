package io.storedesk.pos.catalog;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import io.storedesk.pos.support.Api;
import io.storedesk.pos.support.IntegrationTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo catalogue is loaded from config/seed and searchable the way a clerk types. */
class ItemIntegrationTests extends IntegrationTest {

    @ParameterizedTest(name = "''{0}'' finds {1}")
    @CsvSource(delimiter = '|', textBlock = """
            sokolade         | Šokolāde “Laima” 100 g
            ŠOKOLĀDE         | Šokolāde “Laima” 100 g
            kafija kekava    | Kafija “Ķekava” malta 500 g
            horcice          | Hořčice plnotučná 200 g
            матрешка         | Матрёшка деревянная, 5 шт.
            ПЕЛЬМЕНИ         | Пельмени сибирские 800 г
            LV-1008          | Šokolāde “Laima” 100 g
            4750001002591    | Šokolāde “Laima” 100 g
            """)
    void searchIgnoresCaseAndAccents(String query, String expected) {
        Api.Response r = api.get("/api/v1/items?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8), "clerk");

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().valueStream().map(n -> n.get("name").asString())).contains(expected);
    }

    @Test
    void oneItemBySkuOrBarcode() {
        JsonNode bySku = api.get("/api/v1/items/LV-1008", "clerk").json();
        JsonNode byBarcode = api.get("/api/v1/items/" + bySku.get("barcode").asString(), "clerk").json();

        assertThat(byBarcode).isEqualTo(bySku);
        assertThat(bySku.get("price").asString()).isEqualTo("2.19");
        assertThat(bySku.get("taxRate").asInt()).isEqualTo(21);
        assertThat(bySku.get("department").asString()).isEqualTo("FOOD");
    }

    @Test
    void unknownItemIs404() {
        Api.Response r = api.get("/api/v1/items/NOPE-1", "clerk");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.contentType()).startsWith("application/problem+json");
    }

    @Test
    void demoCatalogueHasAboutSixtyItemsWithValidBarcodes() {
        JsonNode all = api.get("/api/v1/items?limit=500", "clerk").json();
        assertThat(all.size()).isBetween(55, 70);
        assertThat(all.valueStream().map(n -> n.get("barcode").asString())).allMatch(Ean13::isValid);
    }
}
