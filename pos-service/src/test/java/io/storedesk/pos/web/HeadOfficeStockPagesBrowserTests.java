package io.storedesk.pos.web;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import io.storedesk.pos.PosApplication;
import io.storedesk.pos.support.Api;
import io.storedesk.pos.support.HeadOfficeNodes;
import io.storedesk.pos.support.Postgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The HEAD_OFFICE stock and gift-card pages in Chromium (issue 26), in English, Latvian, Czech and
 * Russian, against head office on a fresh embedded PostgreSQL fed over HTTP with the stores' keys:
 * reached from the all-stores page, one SKU at every store (a negative one marked), a store's stock
 * report with its shrinkage, an unknown SKU's message in the page's language; the gift-card report's
 * liability, activations, redemptions with the offline one apart, and the overdrawn card masked. And
 * at a store's till (S001 on its own H2, S003 configured as near): a basket line's other stores, the
 * near one first, a negative quantity marked, in the four languages.
 */
class HeadOfficeStockPagesBrowserTests {

    static final Map<String, String> S001 = Map.of("X-Store-Id", "S001", "X-Store-Key", "demo-key-S001");
    static final Map<String, String> S002 = Map.of("X-Store-Id", "S002", "X-Store-Key", "demo-key-S002");
    static final Map<String, String> S003 = Map.of("X-Store-Id", "S003", "X-Store-Key", "key-three");
    static final String CARD = "6001000000000099";
    static final String OTHER_CARD = "6001000000000107";
    static final AtomicLong SEQUENCE = new AtomicLong();

    static ConfigurableApplicationContext headOffice;
    static Api ho;

    @BeforeAll
    static void start() {
        headOffice = HeadOfficeNodes.start("stock-pages", Postgres.newDatabase("hostockpages"),
                "--pos.head-office.store-keys.S003=key-three");
        ho = new Api(HeadOfficeNodes.port(headOffice));
        String now = Instant.now().truncatedTo(ChronoUnit.MILLIS).toString();
        send(S001, "STOCK_MOVEMENT", """
                {"storeId":"S001","document":"RCV-1","reason":"RECEIVED","user":"anna","occurredAt":"%s",
                 "lines":[{"sku":"LV-1001","quantity":10}]}""".formatted(now));
        send(S001, "STOCK_MOVEMENT", """
                {"storeId":"S001","document":"S001-R1-1","reason":"SALE","user":"anna","occurredAt":"%s",
                 "lines":[{"sku":"LV-1001","quantity":-3}]}""".formatted(now));
        send(S001, "STOCK_MOVEMENT", """
                {"storeId":"S001","document":"CNT-1","reason":"COUNT","user":"anna","occurredAt":"%s",
                 "lines":[{"sku":"LV-1001","quantity":-2}]}""".formatted(now));
        send(S002, "STOCK_MOVEMENT", """
                {"storeId":"S002","document":"S002-R1-1","reason":"SALE","user":"ivo","occurredAt":"%s",
                 "lines":[{"sku":"LV-1001","quantity":-2}]}""".formatted(now));
        send(S003, "STOCK_MOVEMENT", """
                {"storeId":"S003","document":"RCV-3","reason":"RECEIVED","user":"eva","occurredAt":"%s",
                 "lines":[{"sku":"LV-1001","quantity":7}]}""".formatted(now));

        operate(S001, CARD, "ACTIVATE", "50.00");
        operate(S001, OTHER_CARD, "ACTIVATE", "25.00");
        operate(S002, CARD, "REDEEM", "20.00");
        // spent offline at S002 beyond what was left: the card is overdrawn
        send(S002, "GIFT_CARD_OP", """
                {"storeId":"S002","opId":"gc-offline-%s","kind":"REDEEM","amount":"40.00","currency":"EUR",
                 "document":"S002-R1-2","number":"%s"}""".formatted(UUID.randomUUID(), CARD));
    }

    @AfterAll
    static void stop() {
        HeadOfficeNodes.stop(headOffice);
    }

    /** Store S001 on its own H2 files, asking this head office for the other stores (S003 is near). */
    @Test
    void theTillShowsAnItemsOtherStoresNearestFirstWithNegativesMarked() {
        ConfigurableApplicationContext store = new SpringApplicationBuilder(PosApplication.class).run("--server.port=0",
                "--pos.data-dir=target/test-data/store-other-stores-" + System.nanoTime(),
                "--logging.level.root=WARN", "--spring.main.banner-mode=off",
                "--pos.sync.head-office.url=http://localhost:" + HeadOfficeNodes.port(headOffice),
                "--pos.sync.head-office.key=demo-key-S001", "--pos.sync.push-interval=1h",
                "--pos.sync.pull-interval=1h", "--pos.stock.nearby-stores=S003");
        try (Browser b = new Browser(HeadOfficeNodes.port(store))) {
            new Api(HeadOfficeNodes.port(store)).ensureOpen("D1");
            b.signIn("clerk");
            for (String lang : List.of("en", "lv", "cs", "ru")) {
                ResourceBundle words = ResourceBundle.getBundle("messages", Locale.forLanguageTag(lang));
                b.open("/sale?lang=" + lang);
                b.viewport(1024, 768);
                new Select(b.find(By.id("drawer"))).selectByValue("D1");
                b.find(By.id("scan")).click();
                b.keys("LV-1001", Keys.ENTER);
                By button = By.cssSelector("#lines tr[data-sku='LV-1001'] .other-stores-line");
                b.click(button); // the line is drawn again when the quote comes back
                b.waitUntil(d -> d.findElement(By.id("line-stock-table")).isDisplayed());
                List<WebElement> rows = b.all(By.cssSelector("#line-stock-table tbody tr"));
                assertThat(rows).hasSize(2);
                assertThat(rows.get(0).getAttribute("data-store")).as("the near store first").isEqualTo("S003");
                assertThat(rows.get(0).getText()).contains(words.getString("stock.nearby"), "7");
                assertThat(rows.get(1).getAttribute("data-store")).isEqualTo("S002");
                WebElement negative = rows.get(1).findElement(By.cssSelector("td.num"));
                assertThat(negative.getText()).isEqualTo("-2");
                assertThat(negative.getAttribute("class")).contains("negative");
                assertThat(rows.get(1).findElements(By.tagName("td")).get(1).getText()).as("as of").isNotBlank();
                assertThat(b.content(By.id("line-stock-error"))).isEmpty();
                assertThat(b.accessibilityProblems()).as("till's other stores, " + lang).isEmpty();
                b.screenshot("till-other-stores-data-" + lang);
                b.find(By.id("line-stock-close")).click();
                b.waitUntil(d -> !d.findElement(By.id("line-stock")).isDisplayed());
            }
        } finally {
            HeadOfficeNodes.stop(store);
        }
    }

    static void send(Map<String, String> store, String type, String payload) {
        String event = """
                {"eventId":"%s","sequence":%d,"type":"%s","occurredAt":"%s","payload":%s}""".formatted(UUID.randomUUID(),
                SEQUENCE.incrementAndGet(), type, Instant.now(), payload);
        Api.Response sent = ho.post("/api/ho/v1/stores/" + store.get("X-Store-Id") + "/events", null,
                "{\"events\":[" + event + "]}", store);
        assertThat(sent.status()).as(sent.body()).isEqualTo(200);
        assertThat(sent.json().get("applied").asInt()).as(sent.body()).isEqualTo(1);
    }

    static void operate(Map<String, String> store, String card, String kind, String amount) {
        Api.Response done = ho.post("/api/ho/v1/gift-cards/" + card + "/operations", null, """
                {"opId":"op-%s","kind":"%s","amount":"%s","currency":"EUR","storeId":"%s","document":"DOC-1"}"""
                .formatted(UUID.randomUUID(), kind, amount, store.get("X-Store-Id")), store);
        assertThat(done.status()).as(done.body()).isEqualTo(200);
    }

    @Test
    void stockAcrossStoresAndTheGiftCardReportInFourLanguages() {
        try (Browser b = new Browser(HeadOfficeNodes.port(headOffice))) {
            b.signIn("office");
            for (String lang : List.of("en", "lv", "cs", "ru")) {
                ResourceBundle words = ResourceBundle.getBundle("messages", Locale.forLanguageTag(lang));
                b.open("/office/stores?lang=" + lang);
                b.find(By.id("ho-stock-link")).click();
                b.waitUntil(d -> d.getCurrentUrl().contains("/office/stock"));
                assertThat(b.text(By.tagName("h1"))).isEqualTo(words.getString("hostock.title"));

                b.enter(By.id("ho-sku"), "LV-1001");
                b.waitForText(By.id("ho-sku-stock"), "S002");
                assertThat(b.text(By.cssSelector("#ho-sku-stock caption")))
                        .isEqualTo(words.getString("hostock.bySku").replace("{0}", "LV-1001"));
                assertThat(b.text(By.cssSelector("#ho-sku-stock tr[data-store='S001'] .on-hand"))).isEqualTo("5");
                By negative = By.cssSelector("#ho-sku-stock tr[data-store='S002'] .on-hand");
                assertThat(b.text(negative)).isEqualTo("-2");
                assertThat(b.find(negative).getAttribute("class")).contains("negative");
                assertThat(b.text(By.cssSelector("#ho-sku-stock tr[data-store='S002'] td:last-child"))).isNotBlank();
                assertThat(b.accessibilityProblems()).as("stock, " + lang).isEmpty();

                new Select(b.find(By.id("ho-store"))).selectByValue("S001");
                b.find(By.id("ho-store-show")).click();
                b.waitForText(By.id("ho-store-h"), words.getString("hostock.storeReport").replace("{0}", "S001"));
                assertThat(b.text(By.id("shrinkage-total"))).isEqualTo("2");
                assertThat(b.text(By.cssSelector("#stock-movements tr[data-reason='RECEIVED'] th")))
                        .isEqualTo(words.getString("stock.reason.RECEIVED"));
                assertThat(b.text(By.cssSelector("#stock-onhand-table tr[data-sku='LV-1001'] .on-hand"))).isEqualTo("5");
                assertThat(b.accessibilityProblems()).as("store stock, " + lang).isEmpty();
                b.screenshot("ho-stock-" + lang);

                b.enter(By.id("ho-sku"), "NOPE-1");
                b.waitForText(By.id("ho-sku-none"), words.getString("hostock.noSku"));

                b.open("/office/stores?lang=" + lang);
                b.find(By.id("ho-gift-cards-link")).click();
                b.waitUntil(d -> d.getCurrentUrl().contains("/office/gift-cards"));
                assertThat(b.text(By.tagName("h1"))).isEqualTo(words.getString("gc.title"));
                String eur = "section[data-currency='EUR'] ";
                assertThat(b.text(By.cssSelector(eur + ".gc-cards"))).isEqualTo("2");
                assertThat(b.text(By.cssSelector(eur + ".gc-liability"))).isEqualTo(euros(lang, "15.00"));
                assertThat(b.text(By.cssSelector(eur + "tr[data-figure='activations'] th")))
                        .isEqualTo(words.getString("gc.activations"));
                assertThat(b.text(By.cssSelector(eur + "tr[data-figure='activations'] td:last-child"))).isEqualTo(euros(lang, "75.00"));
                assertThat(b.text(By.cssSelector(eur + "tr[data-figure='redemptions'] td:last-child"))).isEqualTo(euros(lang, "60.00"));
                assertThat(b.text(By.cssSelector(eur + "tr[data-figure='offline'] td"))).isEqualTo("1");
                assertThat(b.text(By.cssSelector(eur + "tr[data-age='0-12'] td:last-child"))).isEqualTo(euros(lang, "25.00"));
                assertThat(b.text(By.id("gc-overdrawn"))).contains("************0099", euros(lang, "-10.00"));
                assertThat(b.driver().getPageSource()).doesNotContain(CARD, OTHER_CARD, "??");
                assertThat(b.accessibilityProblems()).as("gift cards, " + lang).isEmpty();
                b.screenshot("ho-gift-cards-" + lang);

                b.js("arguments[0].value = '2030-01-02'; arguments[1].value = '2030-01-01'",
                        b.find(By.id("gc-from")), b.find(By.id("gc-to")));
                b.find(By.id("gc-show")).click();
                b.waitForText(By.id("gc-range-error"), words.getString("office.rangeError"));
            }
        }
    }

    /** An amount in euros as the page's language writes it ("€15.00" in English, "15,00 €" in the others). */
    private static String euros(String lang, String amount) {
        if (amount.startsWith("-")) {
            return "-" + euros(lang, amount.substring(1));
        }
        return lang.equals("en") ? "€" + amount : amount.replace('.', ',') + " €";
    }
}
