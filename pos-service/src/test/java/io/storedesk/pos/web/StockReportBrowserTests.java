package io.storedesk.pos.web;

import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

import io.storedesk.pos.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The store's stock report page ({@code /stock/report}, MANAGER) in a real browser in each of the four
 * languages: an item counted and then written off below zero shows its negative on hand, the counts'
 * shrinkage and the movements by reason as the report API answers them, and a backwards period is
 * refused with the message in the page's language. A clerk's stock page has no link to it.
 */
class StockReportBrowserTests extends IntegrationTest {

    @Test
    void aManagerSeesNegativeStockMovementsAndShrinkageInEveryLanguage() {
        assertThat(api.post("/api/v1/stock/counts", "manager", "{\"lines\":[{\"sku\":\"LV-1028\",\"counted\":5}]}")
                .status()).isEqualTo(201);
        assertThat(api.post("/api/v1/stock/counts", "manager", "{\"lines\":[{\"sku\":\"LV-1028\",\"counted\":2}]}")
                .status()).isEqualTo(201);
        assertThat(api.post("/api/v1/stock/adjustments", "manager",
                "{\"sku\":\"LV-1028\",\"quantity\":-4,\"reason\":\"DAMAGED\"}").status()).isEqualTo(201);
        try (Browser b = new Browser(port)) {
            b.signIn("manager");
            for (String lang : List.of("en", "lv", "cs", "ru")) {
                ResourceBundle words = ResourceBundle.getBundle("messages", Locale.forLanguageTag(lang));
                JsonNode report = api.get("/api/v1/reports/stock", "manager").json();
                b.open("/stock?lang=" + lang);
                b.find(By.id("stock-report-link")).click();
                b.waitUntil(d -> d.getCurrentUrl().contains("/stock/report"));
                assertThat(b.text(By.tagName("h1"))).isEqualTo(words.getString("stock.report.title"));
                assertThat(b.text(By.id("movements-h"))).isEqualTo(words.getString("stock.report.movements"));
                assertThat(b.text(By.id("shrinkage-h"))).isEqualTo(words.getString("stock.report.shrinkage"));
                By row = By.cssSelector("#stock-onhand-table tr[data-sku='LV-1028'] .on-hand");
                assertThat(b.text(row)).isEqualTo("-2");
                assertThat(b.find(row).getAttribute("class")).contains("negative");
                assertThat(b.text(By.id("shrinkage-total")))
                        .isEqualTo(report.get("shrinkage").get("quantity").asString());
                assertThat(b.text(By.id("stock-shrinkage"))).contains("LV-1028");
                assertThat(b.text(By.cssSelector("#stock-movements tr[data-reason='COUNT'] th")))
                        .isEqualTo(words.getString("stock.reason.COUNT"));
                assertThat(b.text(By.cssSelector("#stock-movements tr[data-reason='COUNT'] td")))
                        .isEqualTo(report.get("movementsByReason").get("COUNT").get("movements").asString());
                assertThat(b.text(By.id("stock-adjustments"))).contains(words.getString("stock.adjustment.DAMAGED"));
                assertThat(b.driver().getPageSource()).doesNotContain("??");
                assertThat(b.accessibilityProblems()).as("/stock/report in " + lang).isEmpty();
                b.screenshot("stock-report-" + lang);

                b.js("arguments[0].value = '2030-01-02'; arguments[1].value = '2030-01-01'",
                        b.find(By.id("report-from")), b.find(By.id("report-to")));
                b.find(By.id("report-show")).click();
                b.waitForText(By.id("report-range-error"), words.getString("office.rangeError"));
                assertThat(b.all(By.id("stock-onhand-table"))).isEmpty();
            }
            b.signOut();
            b.signIn("clerk");
            b.open("/stock?lang=en");
            assertThat(b.all(By.id("stock-report-link"))).as("the report is the manager's").isEmpty();
        }
    }
}
