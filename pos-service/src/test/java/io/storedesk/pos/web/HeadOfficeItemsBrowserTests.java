package io.storedesk.pos.web;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

import io.storedesk.pos.support.HeadOfficeNodes;
import io.storedesk.pos.support.Postgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The HEAD_OFFICE item and price pages in Chromium (issue 26), in English, Latvian, Czech and
 * Russian, against head office on a fresh embedded PostgreSQL seeded from the catalogue file: find an
 * item, see its price history, schedule a price change for it and see it in the history, upload a
 * price-list CSV and see its rejected rows with their reasons in the page's language.
 */
class HeadOfficeItemsBrowserTests {

    static ConfigurableApplicationContext headOffice;

    @BeforeAll
    static void start() {
        headOffice = HeadOfficeNodes.start("items-pages", Postgres.newDatabase("hoitempages"));
    }

    @AfterAll
    static void stop() {
        HeadOfficeNodes.stop(headOffice);
    }

    @Test
    void findAnItemScheduleAPriceAndUploadAPriceListInFourLanguages() throws Exception {
        Path csv = Files.createTempFile("prices-", ".csv");
        Files.writeString(csv, "sku;price\nLV-1003;1.59\nNO-SUCH;2.00\nLV-1004;-3\n", StandardCharsets.UTF_8);
        List<String> langs = List.of("en", "lv", "cs", "ru");
        try (Browser b = new Browser(HeadOfficeNodes.port(headOffice))) {
            b.signIn("office");
            for (int i = 0; i < langs.size(); i++) {
                String lang = langs.get(i);
                ResourceBundle words = ResourceBundle.getBundle("messages", Locale.forLanguageTag(lang));
                b.open("/office/items?lang=" + lang);
                assertThat(b.text(By.tagName("h1"))).isEqualTo(words.getString("items.title"));
                b.enter(By.id("items-q"), "kefir");
                b.waitForText(By.id("items"), "LV-1002");
                assertThat(b.all(By.cssSelector("#items tbody tr"))).hasSize(1);
                assertThat(b.accessibilityProblems()).as("items, " + lang).isEmpty();

                b.find(By.linkText("LV-1002")).click();
                b.waitForText(By.id("item-prices"), "1.29");
                assertThat(b.text(By.id("prices-title"))).isEqualTo(words.getString("items.prices"));
                String from = "2031-0" + (i + 1) + "-01T00:00";
                b.type(By.id("schedule-price"), "1.3" + i);
                b.type(By.id("schedule-cost"), "0.9" + i); // the clerk's discount floor (issue 24)
                b.js("arguments[0].value = arguments[1]", b.find(By.id("schedule-from")), from);
                b.find(By.id("schedule-save")).click();
                b.waitForText(By.id("item-prices"), "1.3" + i);
                assertThat(b.find(By.id("schedule-done")).isDisplayed()).isTrue();
                assertThat(b.all(By.cssSelector("#item-prices td.cost")).stream().map(WebElement::getText))
                        .contains("0.9" + i);
                assertThat(b.accessibilityProblems()).as("item, " + lang).isEmpty();

                // the short label for quick keys: too long is refused in the page's language, then kept
                b.type(By.id("short-name"), "Kefīrs 2,5 % 1 l, pudele");
                b.find(By.id("short-name-save")).click();
                b.waitForText(By.id("short-name-problem"), words.getString("problem.short-name-too-long.title"));
                assertThat(b.find(By.id("short-name")).getAttribute("value")).isEqualTo("Kefīrs 2,5 % 1 l, pudele");
                b.type(By.id("short-name"), "Kefīrs " + lang);
                b.find(By.id("short-name-save")).click();
                b.waitForText(By.id("item-short-name"), "Kefīrs " + lang);
                assertThat(b.find(By.id("short-name-done")).isDisplayed()).isTrue();

                // a negative price: nothing accepted, the reason in the page's language
                b.type(By.id("schedule-price"), "-1");
                b.js("arguments[0].value = arguments[1]", b.find(By.id("schedule-from")), from);
                b.find(By.id("schedule-save")).click();
                b.waitForText(By.id("schedule-rejected"), words.getString("price.rejected.negative"));
                assertThat(b.text(By.id("schedule-problem"))).contains(words.getString("problem.price-list-empty.title"));

                b.open("/office/prices/import?lang=" + lang);
                b.js("arguments[0].value = arguments[1]", b.find(By.id("upload-from")), from);
                b.find(By.id("upload-file")).sendKeys(csv.toString());
                b.find(By.id("upload-send")).click();
                b.waitForText(By.id("rejected"), "NO-SUCH");
                assertThat(b.text(By.id("rejected"))).contains(
                        words.getString("price.rejected.unknown-sku").replace("{0}", "NO-SUCH"),
                        words.getString("price.rejected.negative"));
                assertThat(b.all(By.cssSelector("#rejected tbody tr"))).hasSize(2);
                assertThat(b.text(By.id("rejected-title"))).isEqualTo(words.getString("items.rejected"));
                assertThat(b.accessibilityProblems()).as("upload, " + lang).isEmpty();
            }
        }
    }
}
