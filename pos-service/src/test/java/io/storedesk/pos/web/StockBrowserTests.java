package io.storedesk.pos.web;

import java.util.List;
import java.util.Map;

import io.storedesk.pos.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stock pages in a real browser, in each of the four languages: a clerk receives goods by scan
 * on {@code /stock/receive} (one item scanned twice, once with a quantity of 3, and another by its barcode, a note, confirm: on hand goes
 * up by what was scanned, once), then looks the item up on {@code /stock} and sees its stock here and,
 * with no head office configured in this store, a message in the page's language instead of the other
 * stores.
 */
class StockBrowserTests extends IntegrationTest {

    static final Map<String, List<String>> WORDS = Map.of(
            "en", List.of("Receive goods", "Head office cannot be reached"),
            "lv", List.of("Preču pieņemšana", "Ar centrālo biroju šobrīd nav savienojuma"),
            "cs", List.of("Příjem zboží", "Centrála teď není dostupná"),
            "ru", List.of("Приёмка товара", "Связи с головным офисом сейчас нет"));

    private int onHand(String sku) {
        return api.get("/api/v1/stock/" + sku, "clerk").json().get("onHand").asInt();
    }

    @Test
    void aClerkReceivesGoodsByScanAndLooksUpTheItemInEveryLanguage() {
        try (Browser b = new Browser(port)) {
            b.signIn("clerk");
            for (String lang : List.of("en", "lv", "cs", "ru")) {
                int cheese = onHand("LV-1007");
                int apples = onHand("LV-1004");
                b.open("/stock/receive?lang=" + lang);
                b.waitUntil(d -> d.findElement(By.tagName("html")).getAttribute("lang").equals(lang));
                assertThat(b.text(By.tagName("h1"))).isEqualTo(WORDS.get(lang).get(0));
                b.enter(By.id("receive-code"), "LV-1007");
                b.type(By.id("receive-qty"), "3");
                b.enter(By.id("receive-code"), "LV-1007");
                b.enter(By.id("receive-code"), "4750001001112"); // apples, by barcode
                assertThat(b.all(By.cssSelector("#receive-lines tbody tr"))).hasSize(2);
                b.type(By.id("receive-note"), "delivery " + lang);
                b.find(By.id("receive-confirm")).click();
                b.waitForText(By.id("receive-done"), "LV-1007");
                assertThat(onHand("LV-1007")).isEqualTo(cheese + 4);
                assertThat(onHand("LV-1004")).isEqualTo(apples + 1);
                assertThat(b.driver().getPageSource()).doesNotContain("??");
                assertThat(b.accessibilityProblems()).as("/stock/receive in " + lang).isEmpty();
                b.screenshot("stock-receive-" + lang);

                b.open("/stock");
                b.enter(By.id("stock-code"), "LV-1007");
                b.waitForText(By.id("stock-onhand"), String.valueOf(cheese + 4));
                b.waitForText(By.id("other-error"), WORDS.get(lang).get(1));
                assertThat(b.accessibilityProblems()).as("/stock in " + lang).isEmpty();
                b.screenshot("stock-" + lang);
            }
        }
    }
}
