package io.storedesk.pos.web;

import java.util.Map;

import io.storedesk.pos.support.Api;
import io.storedesk.pos.support.HeadOfficeNodes;
import io.storedesk.pos.support.Postgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Gift cards on the sale page and at the desk in a real browser (issue 26), in en, lv, cs and ru: head office on
 * a fresh embedded PostgreSQL, store S001 in this JVM reaching it with its key. The clerk adds a card with goods
 * on the sale page at 1024x768 (an amount under the minimum refused in the page's language first), pays cash; then
 * pays another sale with that card; the desk shows its balance masked, and an unknown card's problem localized.
 * The number never shows whole on a page after it was typed.
 * <p>
 * The same store's quick keys (the items head office flags, a head office being needed for them): an item's short
 * label set at head office shows on its key after a pull, whole and on one row at 1024x768, as does a long name
 * without one (cut with an ellipsis when it does not fit).
 */
class GiftCardBrowserTests {

    static ConfigurableApplicationContext headOffice;
    static ConfigurableApplicationContext store;
    static Api shop;
    static int port;

    @BeforeAll
    static void start() {
        headOffice = HeadOfficeNodes.start("giftpages", Postgres.newDatabase("hogiftpages"));
        store = HeadOfficeNodes.startStore("giftpages", "http://127.0.0.1:" + HeadOfficeNodes.port(headOffice),
                "--pos.printing.status-check=false");
        port = ((WebServerApplicationContext) store).getWebServer().getPort();
        shop = new Api(port);
        shop.ensureOpen("D1");
    }

    @AfterAll
    static void stop() {
        HeadOfficeNodes.stop(store, headOffice);
    }

    @Test
    void aQuickKeyShowsTheItemsShortLabelOnOneRowAt1024x768() {
        Api ho = new Api(HeadOfficeNodes.port(headOffice));
        Api.Response set = ho.put("/api/ho/v1/items/LV-1004/short-name", "office", "{\"shortName\":\"Āboli Antonovka\"}");
        assertThat(set.status()).as(set.body()).isEqualTo(200);
        Api.Response run = shop.post("/api/v1/sync/run", "manager", "");
        assertThat(run.status()).as(run.body()).isEqualTo(200);
        try (Browser b = new Browser(port)) {
            b.signIn("clerk");
            b.open("/sale?lang=lv");
            b.viewport(1024, 768);
            WebElement apples = b.find(By.cssSelector(".quick-key[data-sku='LV-1004']")); // Svaigi āboli “Antonovka” 1 kg
            WebElement bread = b.find(By.cssSelector(".quick-key[data-sku='LV-1001']")); // Rupjmaize “Lāči” 500 g: no short label
            assertThat(apples.getText()).isEqualTo("Āboli Antonovka");
            assertThat(bread.getText()).startsWith("Rupjmaize");
            String rows = "const r = document.createRange(); r.selectNodeContents(arguments[0]);"
                    + " return r.getClientRects().length";
            assertThat(((Number) b.js(rows, apples)).intValue()).as("one row").isEqualTo(1);
            assertThat(((Number) b.js(rows, bread)).intValue()).as("one row").isEqualTo(1);
            assertThat((Boolean) b.js("return arguments[0].scrollWidth <= arguments[0].clientWidth", apples))
                    .as("the short label shows whole").isTrue();
            assertThat(apples.getSize().getHeight()).isEqualTo(bread.getSize().getHeight());
            String lines = "const s = getComputedStyle(arguments[0]); return (arguments[0].clientHeight"
                    + " - parseFloat(s.paddingTop) - parseFloat(s.paddingBottom)) / parseFloat(s.fontSize)";
            assertThat(((Number) b.js(lines, apples)).doubleValue()).as("text height in em: one line").isLessThan(1.8);
            assertThat(b.accessibilityProblems()).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"en, 7003000000000001, Gift card, Active", "lv, 7003000000000002, Dāvanu karte, Aktīva",
            "cs, 7003000000000003, Dárková karta, Aktivní", "ru, 7003000000000004, Подарочная карта, Активна"})
    void aCardIsSoldPaidWithAndLookedUpAtTheDesk(String lang, String number, String giftCard, String active) {
        String masked = "************" + number.substring(12);
        try (Browser b = new Browser(port)) {
            b.signIn("clerk");
            b.open("/sale?lang=" + lang);
            b.viewport(1024, 768);
            new Select(b.find(By.id("drawer"))).selectByValue("D1");
            b.find(By.id("scan")).click();
            b.keys("LV-1013", Keys.ENTER);
            b.waitUntil(d -> b.text(By.id("total")).contains("12"));

            // the Gift card action: an amount under the minimum is refused in the page's language
            assertThat(b.text(By.id("gift-open"))).isEqualTo(giftCard);
            b.find(By.id("gift-open")).click();
            new Select(b.find(By.id("gift-kind"))).selectByValue("ACTIVATE");
            b.type(By.id("gift-number"), number);
            b.enter(By.id("gift-amount"), "4");
            String tooLow = shop.post("/api/v1/sales/quote", "clerk", """
                    {"lines":[{"giftCard":{"number":"%s","amount":"4.00","kind":"ACTIVATE"}}]}""".formatted(number),
                    Map.of("Accept-Language", lang)).text("detail");
            b.waitForText(By.id("gift-error"), tooLow);
            b.type(By.id("gift-amount"), "25");
            b.find(By.cssSelector("#gift-form button[type=submit]")).click();
            b.waitUntil(d -> b.all(By.cssSelector("#lines tr.gift-line")).size() == 1);
            assertThat(b.driver().findElement(By.id("gift-form")).isDisplayed()).isFalse();
            assertThat(b.text(By.cssSelector("#lines tr.gift-line"))).contains(giftCard).contains(masked).doesNotContain(number);
            b.waitUntil(d -> Browser.digits(b.text(By.id("total"))).equals("3799"));
            assertThat(b.inViewport(By.id("pay"))).as("Pay in sight").isTrue();
            assertThat((String) b.js("return localStorage.getItem('pos-basket') || ''")).doesNotContain(number);

            b.find(By.id("pay")).click(); // cash, the exact amount
            b.find(By.id("done"));
            String receipt = b.text(By.id("receipt-number"));
            assertThat(b.driver().getPageSource()).doesNotContain(number);
            JsonNode sale = shop.get("/api/v1/sales/" + receipt, "clerk").json();
            assertThat(sale.get("lines").get(1).get("giftCard").get("number").asString()).isEqualTo(masked);
            assertThat(shop.get("/api/v1/gift-cards/" + number, "clerk").text("balance")).isEqualTo("25.00");

            // the next sale is paid with the card: as much as it pays of 13.50 (LV-1022, a toy no promotion
            // touches: LV-1019 is 5.00 off on weekday mornings, which made this test depend on the hour)
            b.find(By.id("new-sale")).click();
            b.find(By.id("scan")).click();
            b.keys("LV-1022", Keys.ENTER);
            b.waitUntil(d -> Browser.digits(b.text(By.id("total"))).equals("1350"));
            // the tender, by keyboard: from Cash down the radio group to Gift card
            b.js("document.querySelector('input[name=method][value=CASH]').focus()");
            b.keys(Keys.ARROW_DOWN, Keys.ARROW_DOWN, Keys.ARROW_DOWN);
            b.waitUntil(d -> (Boolean) b.js("return document.querySelector('input[name=method][value=GIFT_CARD]').checked"));
            b.type(By.id("gift-tender"), number);
            b.find(By.id("pay")).click();
            b.find(By.id("done"));
            assertThat(b.text(By.id("paid"))).contains(masked).doesNotContain(number);
            assertThat(shop.get("/api/v1/gift-cards/" + number, "clerk").text("balance")).isEqualTo("11.50");

            // the desk: the balance, masked, and an unknown card's problem in the page's language
            b.open("/customers?lang=" + lang);
            b.type(By.id("gift-balance-number"), number);
            b.find(By.cssSelector("#gift-balance button[type=submit]")).click();
            b.waitForText(By.id("gift-balance-card"), masked);
            assertThat(Browser.digits(b.text(By.id("gift-balance-amount")))).isEqualTo("1150");
            assertThat(b.text(By.id("gift-balance-status"))).isEqualTo(active);
            assertThat(b.find(By.id("gift-balance-number")).getAttribute("value")).isEmpty();
            String unknown = "7003000000009999";
            String problem = shop.get("/api/v1/gift-cards/" + unknown, "clerk", Map.of("Accept-Language", lang))
                    .text("detail");
            b.type(By.id("gift-balance-number"), unknown);
            b.find(By.cssSelector("#gift-balance button[type=submit]")).click();
            b.waitForText(By.id("gift-balance-error"), problem);
            assertThat(b.driver().findElement(By.id("gift-balance-result")).isDisplayed()).isFalse();
            assertThat(b.accessibilityProblems()).isEmpty();
        }
    }
}
