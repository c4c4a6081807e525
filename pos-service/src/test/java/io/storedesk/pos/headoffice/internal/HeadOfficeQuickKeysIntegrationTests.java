package io.storedesk.pos.headoffice.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.storedesk.pos.PosApplication;
import io.storedesk.pos.support.Api;
import io.storedesk.pos.support.HeadOfficeNodes;
import io.storedesk.pos.support.Postgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Quick keys from head office (issue 26, docs/head-office.md "Items and prices"): head office on a fresh
 * embedded PostgreSQL, store S001 (its own H2 files in this JVM, syncing when asked), over real HTTP.
 * Before its first pull the till shows the configured keys ({@code pos.till.quick-keys}); once it has
 * head office's items, the till's keys are the items head office flagged (its seed flags the configured
 * ones), named in the store's language and sorted by name; an item flagged at head office appears after
 * the next pull, unflagged it is gone.
 */
class HeadOfficeQuickKeysIntegrationTests {

    static final Pattern QUICK_KEY = Pattern.compile(
            "<button[^>]*class=\"secondary quick-key\"[^>]*data-sku=\"([^\"]+)\"[^>]*>([^<]*)</button>");

    static ConfigurableApplicationContext headOffice;
    static ConfigurableApplicationContext store;
    static Api ho;
    static Api shop;

    @BeforeAll
    static void start() {
        headOffice = HeadOfficeNodes.start("quickkeys", Postgres.newDatabase("hoquickkeys"));
        ho = new Api(HeadOfficeNodes.port(headOffice));
        store = new SpringApplicationBuilder(PosApplication.class).run("--server.port=0",
                "--pos.data-dir=target/test-data/store-quickkeys-" + System.nanoTime(),
                "--logging.level.root=WARN", "--spring.main.banner-mode=off",
                "--pos.sync.head-office.url=http://localhost:" + HeadOfficeNodes.port(headOffice),
                "--pos.sync.head-office.key=demo-key-S001", "--pos.sync.push-interval=1h",
                "--pos.sync.pull-interval=1h");
        shop = new Api(HeadOfficeNodes.port(store));
    }

    @AfterAll
    static void stop() {
        HeadOfficeNodes.stop(store, headOffice);
    }

    @Test
    void theTillsQuickKeysAreTheItemsHeadOfficeFlagged() {
        // (before its first pull the store shows its configured keys, as the shared test store without a head
        // office does in SaleScreenBrowserTests; the store may pull at start-up, so that is not asserted here)
        sync();
        assertThat(skus()).as("head office's seed flagged the configured ones; by name")
                .containsExactly("LV-1005", "LV-1006", "LV-1001", "LV-1004");
        assertThat(quickKeys().get(0)).isEqualTo("LV-1005=Burkāni 1 kg");

        Api.Response created = ho.post("/api/ho/v1/items", "office", """
                {"sku":"HO-3001","barcodes":["4750009000100"],"names":{"en":"Garden hose","lv":"Dārza šļūtene"},
                 "department":"HOME","taxCategories":{"LV":"STANDARD"},"quickKey":true}""");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        Api.Response priced = ho.post("/api/ho/v1/price-lists", "office", """
                {"storeGroup":"ALL","currency":"EUR","effectiveFrom":"2020-01-01T00:00",
                 "lines":[{"sku":"HO-3001","price":"12.50"}]}""");
        assertThat(priced.status()).as(priced.body()).isEqualTo(201);
        sync();
        assertThat(quickKeys()).as("by name in the store's language").contains("HO-3001=Dārza šļūtene");
        assertThat(skus()).containsExactly("LV-1005", "HO-3001", "LV-1006", "LV-1001", "LV-1004");

        flag("HO-3001", false);
        flag("LV-1006", false);
        sync();
        assertThat(skus()).containsExactly("LV-1005", "LV-1001", "LV-1004");
    }

    /** The whole item as head office holds it, with its quick-key flag set or cleared. */
    private static void flag(String sku, boolean quickKey) {
        String item = ho.get("/api/ho/v1/items/" + sku, "office").body();
        String changed = item.replace("\"quickKey\":" + !quickKey, "\"quickKey\":" + quickKey);
        assertThat(changed).as(item).isNotEqualTo(item);
        Api.Response put = ho.put("/api/ho/v1/items/" + sku, "office", changed);
        assertThat(put.status()).as(put.body()).isEqualTo(200);
    }

    private static List<String> skus() {
        return quickKeys().stream().map(k -> k.substring(0, k.indexOf('='))).toList();
    }

    /** The sale page's quick keys as "sku=label", in order. */
    private static List<String> quickKeys() {
        Api.Response page = shop.get("/sale", "clerk");
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        List<String> keys = new ArrayList<>();
        Matcher m = QUICK_KEY.matcher(page.body());
        while (m.find()) {
            keys.add(m.group(1) + "=" + m.group(2).strip());
        }
        return keys;
    }

    private static void sync() {
        Api.Response run = shop.post("/api/v1/sync/run", "manager", "");
        assertThat(run.status()).as(run.body()).isEqualTo(200);
        assertThat(run.json().get("lastError").isNull()).as(run.body()).isTrue();
    }
}
