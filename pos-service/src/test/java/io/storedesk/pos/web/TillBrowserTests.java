package io.storedesk.pos.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import io.storedesk.pos.support.Api;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Promotions and loyalty at the till and returns without a receipt, in a real browser: a loyalty
 * card and a coupon on the sale page, points as a tender, and the "no receipt" return with the
 * manager's approval. Own service and database, so its drawers and cards are its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"pos.data-dir=target/test-data/till-${random.uuid}", "pos.printing.status-check=false"})
class TillBrowserTests {

    /** Demo cards of config/seed/loyalty-accounts.csv. */
    static final String ILZE = "2900000000017";
    static final String JANIS = "2900000000024";

    @LocalServerPort
    int port;

    Api api;

    @BeforeEach
    void connect() {
        api = new Api(port);
    }

    @Test
    void clerkScansALoyaltyCardAndACouponAndSeesThePromotionsAndThePointsEarned() {
        api.ensureOpen("D1");
        try (Browser b = new Browser(port)) {
            b.signIn("clerk");
            b.open("/sale?lang=en");
            new Select(b.find(By.id("drawer"))).selectByValue("D1");

            // An unknown card says so next to the field.
            b.enter(By.id("card"), "2900000000999");
            b.waitForText(By.id("card-error"), "2900000000999");
            assertThat(b.find(By.id("card")).getAttribute("aria-invalid")).isEqualTo("true");

            // The demo card shows its holder and balance; the scan field takes the focus back.
            b.enter(By.id("card"), ILZE);
            b.waitForText(By.id("card-info"), "Ilze Kalniņa");
            assertThat(Browser.digits(b.text(By.id("card-info")))).startsWith("12500");
            assertThat(b.content(By.id("card-error"))).isEmpty();
            b.waitUntil(d -> "scan".equals(d.switchTo().activeElement().getAttribute("id")));

            // Wool socks: the member-only promotion shows in the live totals because of the card.
            b.keys("LV-1017", Keys.ENTER);
            b.waitUntil(d -> d.findElements(By.cssSelector("#lines .void-line")).size() == 1);
            b.keys("2*LV-1001", Keys.ENTER);
            b.waitUntil(d -> d.findElements(By.cssSelector("#lines .void-line")).size() == 2);
            b.waitUntil(d -> !d.findElements(By.cssSelector("#promotions li[data-code='KLUBS-VILNA20']")).isEmpty());
            String totalBefore = Browser.digits(b.text(By.id("total")));

            // An unknown coupon: the API's 422 next to the coupon field, the basket unchanged.
            b.enter(By.id("coupon"), "NO-SUCH-COUPON");
            b.waitUntil(d -> !b.content(By.id("coupon-error")).isEmpty());
            assertThat(b.all(By.cssSelector("#coupons li"))).isEmpty();
            assertThat(Browser.digits(b.text(By.id("total")))).isEqualTo(totalBefore);

            // RUDENS10: ten per cent off the basket, listed with its amount.
            b.enter(By.id("coupon"), "rudens10");
            b.waitUntil(d -> !d.findElements(By.cssSelector("#promotions li[data-code='RUDENS10']")).isEmpty());
            assertThat(b.content(By.id("coupon-error"))).isEmpty();
            assertThat(b.text(By.id("coupons"))).contains("RUDENS10");
            String coupon = b.text(By.cssSelector("#promotions li[data-code='RUDENS10']"));
            assertThat(coupon).contains("RUDENS10").matches(".*\\d.*");
            assertThat(Long.parseLong(Browser.digits(b.text(By.id("total"))))).isLessThan(Long.parseLong(totalBefore));
            b.screenshot("till-loyalty-coupon");

            b.find(By.id("pay")).click();
            b.find(By.id("done"));
            String receipt = b.text(By.id("receipt-number"));
            b.waitUntil(d -> d.findElement(By.id("earned-line")).isDisplayed());
            String earned = Browser.digits(b.text(By.id("points-earned")));
            assertThat(Integer.parseInt(earned)).isPositive();
            b.screenshot("till-points-earned");

            var sale = api.get("/api/v1/sales/" + receipt, "clerk");
            assertThat(sale.status()).isEqualTo(200);
            assertThat(sale.text("pointsEarned")).isEqualTo(earned);
            assertThat(sale.text("loyaltyCard")).isEqualTo(ILZE);
            List<String> codes = new ArrayList<>();
            sale.json().get("promotions").forEach(p -> codes.add(p.get("code").asText()));
            assertThat(codes).contains("RUDENS10", "KLUBS-VILNA20");
        }
    }

    @Test
    void clerkTakesPartOfTheTotalInLoyaltyPointsAndTheRestInCash() {
        api.ensureOpen("D2");
        long before = api.get("/api/v1/loyalty/" + JANIS, "clerk").json().get("balance").asLong();
        try (Browser b = new Browser(port)) {
            b.signIn("clerk");
            b.open("/sale?lang=en");
            new Select(b.find(By.id("drawer"))).selectByValue("D2");
            assertThat(b.driver().findElement(By.id("points-box")).isDisplayed()).as("points only with a card").isFalse();
            b.enter(By.id("card"), JANIS);
            b.waitForText(By.id("card-info"), "Jānis Bērziņš");
            b.keys("2*LV-1001", Keys.ENTER);
            b.waitUntil(d -> d.findElements(By.cssSelector("#lines .void-line")).size() == 1);
            b.keys("LV-1008", Keys.ENTER);
            b.waitUntil(d -> d.findElements(By.cssSelector("#lines .void-line")).size() == 2);
            assertThat(Browser.digits(b.text(By.id("total")))).isEqualTo("597");

            // 200 points pay 2.00; the cash field left empty = exactly the rest.
            WebElement points = b.find(By.id("points"));
            assertThat(points.isDisplayed()).isTrue();
            b.type(By.id("points"), "200");
            b.screenshot("till-points-tender");
            b.find(By.id("points")).sendKeys(Keys.ENTER);
            b.find(By.id("done"));
            String receipt = b.text(By.id("receipt-number"));
            assertThat(b.text(By.id("paid"))).contains("Loyalty points").contains("Cash");

            var sale = api.get("/api/v1/sales/" + receipt, "clerk").json();
            List<String> tenders = new ArrayList<>();
            sale.get("tenders").forEach(t -> tenders.add(t.get("type").asText() + " " + t.get("amount").asText()));
            assertThat(tenders).contains("LOYALTY_POINTS 2.00");
            assertThat(tenders).anyMatch(t -> t.startsWith("CASH "));
            long earned = sale.get("pointsEarned").asLong();
            long after = api.get("/api/v1/loyalty/" + JANIS, "clerk").json().get("balance").asLong();
            assertThat(after).isEqualTo(before - 200 + earned);
        }
    }

    @Test
    void clerkRefundsAReturnWithoutReceiptAsStoreCreditWithTheManagersApproval() {
        api.ensureOpen("D3");
        try (Browser b = new Browser(port)) {
            b.signIn("clerk");
            b.open("/returns?lang=en");
            assertThat(b.driver().findElement(By.id("noreceipt-form")).isDisplayed()).isFalse();
            b.find(By.id("no-receipt-toggle")).click();
            b.waitUntil(d -> "nr-items".equals(d.switchTo().activeElement().getAttribute("id")));
            b.keys("2*LV-1001");
            new Select(b.find(By.id("nr-reason"))).selectByValue("CHANGED_MIND");
            b.type(By.id("nr-customer"), "+371 20000001");
            new Select(b.find(By.id("nr-drawer"))).selectByValue("D3");
            b.type(By.id("nr-manager"), "manager");
            b.type(By.id("nr-pin"), "1234");
            b.screenshot("till-no-receipt");
            b.find(By.id("nr-pin")).sendKeys(Keys.ENTER);

            b.waitUntil(d -> d.findElement(By.id("return-result")).isDisplayed()
                    || !b.content(By.id("nr-error")).isEmpty());
            assertThat(b.content(By.id("nr-error"))).isEmpty();
            String number = b.text(By.id("return-number"));
            assertThat(number).isNotBlank();
            // Without a receipt the refund follows the store's policy for it (not more than the shelf price 2 x 1.89).
            String refund = Browser.digits(b.text(By.id("refund-total")));
            assertThat(Integer.parseInt(refund)).isPositive().isLessThanOrEqualTo(378);
            String code = b.text(By.id("store-credit-code"));
            assertThat(code).isNotBlank();
            assertThat(b.text(By.id("refunds"))).contains(code);
            assertThat(b.driver().findElement(By.id("exchange-result")).isDisplayed()).as("no exchange figures").isFalse();
            b.screenshot("till-no-receipt-done");

            var ret = api.get("/api/v1/returns/" + number, "clerk");
            assertThat(ret.status()).isEqualTo(200);
            assertThat(ret.text("approvedBy")).isEqualTo("manager");
            var credit = api.get("/api/v1/store-credits/" + code, "clerk");
            assertThat(credit.status()).isEqualTo(200);
            assertThat(Browser.digits(credit.text("balance"))).isEqualTo(refund);
        }
    }
}
