package io.storedesk.pos.web;

import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

import io.storedesk.pos.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.Select;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "In other stores" at the till (issue 26), on a tablet's 1024x768 in the four languages: a basket line's
 * small button opens the item's other stores; this store has no head office configured, so the panel
 * shows head office's message in the page's language; Esc closes it and the scan field has the focus
 * again. The screen still fits without scrolling with the line's extra button. (The quantities of other
 * stores, nearest first: {@code HeadOfficeStockPagesBrowserTests}.)
 */
class SaleOtherStoresBrowserTests extends IntegrationTest {

    @Test
    void aLinesOtherStoresShowHeadOfficesMessageInThePagesLanguage() {
        api.ensureOpen("D1");
        try (Browser b = new Browser(port)) {
            b.signIn("clerk");
            for (String lang : List.of("en", "lv", "cs", "ru")) {
                ResourceBundle words = ResourceBundle.getBundle("messages", Locale.forLanguageTag(lang));
                b.open("/sale?lang=" + lang);
                b.viewport(1024, 768);
                new Select(b.find(By.id("drawer"))).selectByValue("D1");
                b.find(By.id("scan")).click();
                b.keys("LV-1010", Keys.ENTER);
                By button = By.cssSelector("#lines tr[data-sku='LV-1010'] .other-stores-line");
                b.waitUntil(d -> !d.findElements(button).isEmpty());
                assertThat(b.inViewport(button)).isTrue();
                assertThat(b.attribute(button, "aria-label"))
                        .startsWith(words.getString("sale.otherStoresOf").replace("{0}", ""));
                assertThat((Boolean) b.js("return document.scrollingElement.scrollHeight <= window.innerHeight + 1"))
                        .as("the till fits at 1024x768 in " + lang).isTrue();

                b.click(button);
                b.waitForText(By.id("line-stock-error"), words.getString("problem.head-office-unreachable.detail"));
                assertThat(b.text(By.id("line-stock-h"))).contains("LV-1010");
                assertThat(b.driver().findElement(By.id("line-stock-table")).isDisplayed()).isFalse();
                assertThat(b.accessibilityProblems()).as("/sale with the other-stores panel in " + lang).isEmpty();
                b.screenshot("till-other-stores-" + lang);

                b.keys(Keys.ESCAPE);
                b.waitUntil(d -> !d.findElement(By.id("line-stock")).isDisplayed());
                assertThat(b.driver().switchTo().activeElement().getAttribute("id")).isEqualTo("scan");
            }
        }
    }
}
