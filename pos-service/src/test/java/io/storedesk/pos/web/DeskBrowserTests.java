package io.storedesk.pos.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import io.storedesk.pos.support.Api;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The customer desk and the head-office pages in a real browser: a clerk finds and creates a
 * customer, opens a case, adds a note with HTML in it (shown as text), sets a follow-up and
 * escalates; a manager resolves it with goodwill; head office opens the report dashboard and
 * downloads the CSV. Own service and database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"pos.data-dir=target/test-data/desk-pages-${random.uuid}", "pos.printing.status-check=false"})
class DeskBrowserTests {

    private static final String SCRIPT_NOTE = "<script>alert(1)</script>";

    @LocalServerPort
    int port;

    @org.springframework.beans.factory.annotation.Autowired
    io.storedesk.pos.common.StoreProperties store;

    Api api;

    @BeforeEach
    void connect() {
        api = new Api(port);
    }

    @Test
    void clerkOpensACaseWithAScriptNoteAndEscalatesItAndTheManagerResolvesIt() {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        String name = "Anna Bērziņa " + tag;
        String caseNumber;
        try (Browser b = new Browser(port)) {
            b.signIn("clerk");
            b.open("/customers?lang=en");
            assertThat(b.text(By.tagName("h1"))).isEqualTo("Customers");
            // Keyboard only: the search field has the focus; the new-customer form is filled field by field.
            assertThat(b.driver().switchTo().activeElement().getAttribute("id")).isEqualTo("customer-q");
            b.type(By.id("new-name"), name);
            b.type(By.id("new-phone"), "+371 2" + Math.abs(tag.hashCode() % 10_000_000));
            b.type(By.id("new-email"), "anna." + tag + "@example.com");
            b.type(By.id("new-card"), "CARD-" + tag);
            b.find(By.id("new-card")).sendKeys(Keys.ENTER);
            b.waitUntil(d -> d.getCurrentUrl().matches(".*/customers/[0-9a-f-]{36}$"));
            assertThat(b.text(By.id("customer-name"))).isEqualTo(name);
            assertThat(b.text(By.id("customer-card"))).isEqualTo("CARD-" + tag);
            b.find(By.id("purchases-none"));
            b.screenshot("desk-customer");

            // Open a case from the profile.
            b.type(By.id("case-subject"), "Kettle stopped working " + tag);
            new Select(b.find(By.id("case-category"))).selectByValue("COMPLAINT");
            b.find(By.id("case-subject")).sendKeys(Keys.ENTER);
            b.waitUntil(d -> d.getCurrentUrl().contains("/cases/"));
            caseNumber = b.driver().getCurrentUrl().replaceAll(".*/cases/", "");
            b.waitForText(By.id("case-status"), "Open");
            assertThat(b.text(By.id("case-subject-h"))).isEqualTo("Kettle stopped working " + tag);

            // A note with a script in it is stored and shown as text: no alert, the literal text visible.
            b.type(By.id("note-text"), SCRIPT_NOTE);
            b.find(By.id("note-submit")).click();
            b.waitForText(By.id("timeline"), SCRIPT_NOTE);
            b.waitForText(By.id("case-status"), "In progress");
            assertThatThrownBy(() -> b.driver().switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
            assertThat(b.all(By.cssSelector("#timeline script"))).isEmpty();
            assertThat(b.all(By.cssSelector("#timeline .event-text")).stream().map(e -> e.getText()))
                    .contains(SCRIPT_NOTE);

            // A follow-up due today (the date field holds today), then escalation with a reason.
            b.find(By.id("followup-submit")).click();
            b.waitForText(By.id("timeline"), "Follow-up set");
            b.type(By.id("escalate-reason"), "Customer wants a refund after the warranty");
            b.find(By.id("escalate-reason")).sendKeys(Keys.ENTER);
            b.waitForText(By.id("case-status"), "Escalated");
            b.screenshot("desk-case-escalated");

            // The list of follow-ups due today has it; so has the search.
            b.open("/cases?followUpDue=today");
            b.waitUntil(d -> !d.findElements(By.cssSelector("#cases-list tr[data-case='" + caseNumber + "']")).isEmpty());
            b.screenshot("desk-cases-due-today");
            new Select(b.find(By.id("cases-status"))).selectByValue("RESOLVED");
            b.waitUntil(d -> d.findElements(By.cssSelector("#cases-list tr[data-case='" + caseNumber + "']")).isEmpty());
            b.open("/customers");
            b.enter(By.id("customer-q"), "anna berzina " + tag);
            b.waitForText(By.id("customer-results"), name);
            assertThat(b.driver().switchTo().activeElement().getText()).isEqualTo(name);
            b.screenshot("desk-customer-search");
            b.signOut();

            // The manager resolves the escalated case with goodwill store credit.
            b.signIn("manager");
            b.open("/cases/" + caseNumber + "?lang=en");
            b.waitForText(By.id("case-status"), "Escalated");
            b.type(By.id("resolve-text"), "Replaced the kettle");
            b.type(By.id("goodwill-amount"), "5,00");
            b.find(By.id("resolve-submit")).click();
            b.waitForText(By.id("case-status"), "Resolved");
            assertThat(b.text(By.id("case-goodwill"))).contains("Store credit").contains("5.00");
            assertThat(b.text(By.id("case-resolution"))).isEqualTo("Replaced the kettle");
            b.waitForText(By.id("case-customer"), name);
            assertThat(b.text(By.id("timeline"))).contains(SCRIPT_NOTE);
            b.screenshot("desk-case-resolved");
        }
        var stored = api.get("/api/v1/cases/" + caseNumber, "clerk");
        assertThat(stored.text("status")).isEqualTo("RESOLVED");
        assertThat(stored.json().at("/goodwill/amount").asText()).isEqualTo("5.00");
        assertThat(stored.json().at("/history").toString()).contains("<script>alert(1)</script>");
    }

    /** Training mode (ADR 0005, issue 24): the profile's case form opens a training case, marked on the case page. */
    @Test
    void aClerkInTrainingOpensACaseFromTheProfileAndTheCasePageMarksItAsTraining() {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        String customer = api.post("/api/v1/customers", "clerk", "{\"name\":\"Training Desk %s\",\"phone\":\"+371 2%07d\"}"
                .formatted(tag, Math.abs(tag.hashCode() % 10_000_000))).text("id");
        assertThat(api.put("/api/v1/training/users/clerk2", "manager", "").status()).isEqualTo(200);
        try (Browser b = new Browser(port)) {
            b.signIn("clerk2");
            b.open("/customers/" + customer + "?lang=en");
            b.type(By.id("case-subject"), "Practice complaint " + tag);
            b.find(By.id("case-subject")).sendKeys(Keys.ENTER);
            b.waitUntil(d -> d.getCurrentUrl().contains("/cases/TRN-clerk2-C"));
            b.waitForText(By.id("case-status"), "Open");
            assertThat(b.find(By.id("case-training")).isDisplayed()).isTrue();
            assertThat(b.text(By.id("case-training"))).startsWith("TRAINING");
            b.type(By.id("note-text"), "Practice note");
            b.find(By.id("note-submit")).click();
            b.waitForText(By.id("case-status"), "In progress");
            b.screenshot("desk-case-training");
        } finally {
            api.delete("/api/v1/training/users/clerk2", "manager");
        }
        assertThat(api.get("/api/v1/customers/" + customer + "/cases", "clerk").json()).isEmpty();
    }

    @Test
    void clerkResolvingWithGoodwillAboveTheLimitEntersTheManagersApprovalOnTheCasePage() {
        String caseNumber = api.postIdempotent("/api/v1/cases", "clerk", "desk-approval-" + UUID.randomUUID(),
                "{\"category\":\"COMPLAINT\",\"channel\":\"PHONE\",\"subject\":\"Late delivery\"}").text("caseNumber");
        try (Browser b = new Browser(port)) {
            b.signIn("clerk");
            b.open("/cases/" + caseNumber + "?lang=en");
            b.waitForText(By.id("case-status"), "Open");
            b.type(By.id("resolve-text"), "Apologised, goodwill credit");
            b.type(By.id("goodwill-amount"), "25");
            b.find(By.id("resolve-submit")).click();
            b.waitUntil(d -> d.findElement(By.id("resolve-manager")).isDisplayed());
            assertThat(b.driver().switchTo().activeElement().getAttribute("id")).isEqualTo("resolve-manager");
            assertThat(b.content(By.cssSelector("#resolve-approval .approval-why"))).isNotBlank();
            b.keys("manager");
            b.type(By.id("resolve-pin"), "1234");
            b.find(By.id("resolve-pin")).sendKeys(Keys.ENTER);
            b.waitForText(By.id("case-status"), "Resolved");
            assertThat(b.text(By.id("case-goodwill"))).contains("25.00");
            b.screenshot("desk-case-approved");
        }
        assertThat(api.get("/api/v1/cases/" + caseNumber, "clerk").json().at("/goodwill/approvedBy").asText())
                .isEqualTo("manager");
    }

    @Test
    void headOfficeSeesTheDashboardChartsAndDownloadsTheCsv() throws Exception {
        if (api.get("/api/v1/drawers/D1", "clerk").status() != 200) {
            var opened = api.post("/api/v1/drawers/D1/open", "clerk", "{\"float\":{\"20.00\":2,\"5.00\":2}}");
            assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        }
        var sale = api.postIdempotent("/api/v1/sales", "clerk", "desk-office-sale-" + UUID.randomUUID(),
                "{\"drawerId\":\"D1\",\"lines\":[{\"sku\":\"LV-1001\",\"quantity\":2}],"
                        + "\"tenders\":[{\"type\":\"CASH\",\"amount\":\"10.00\"}]}");
        assertThat(sale.status()).as(sale.toString()).isEqualTo(201);
        var returned = api.post("/api/v1/returns", "clerk", """
                {"receiptNumber":"%s","drawerId":"D1","lines":[{"lineNo":1,"quantity":1,"reason":"DEFECTIVE",
                 "restock":false}]}""".formatted(sale.text("receiptNumber")));
        assertThat(returned.status()).as(returned.body()).isEqualTo(201);
        try (Browser b = new Browser(port)) {
            b.signIn("office");
            // Head office sees the report links, not the desk's.
            assertThat(b.all(By.cssSelector("header nav a[href='/office']"))).hasSize(1);
            assertThat(b.all(By.cssSelector("header nav a[href='/sale']"))).isEmpty();
            b.open("/office?lang=en");
            assertThat(b.text(By.tagName("h1"))).isEqualTo("Sales report");
            assertThat(b.text(By.id("office-store"))).contains("(S001)");
            assertThat(Integer.parseInt(b.text(By.id("fig-sales-count")))).isGreaterThanOrEqualTo(1);
            assertThat(b.text(By.id("figures"))).contains("Gift cards sold"); // apart from the sales (issue 26)
            assertThat(b.text(By.id("fig-gift-cards"))).matches(".+ \\(\\d+\\)");
            assertThat(b.all(By.cssSelector("#chart-hours svg.bar rect"))).isNotEmpty();
            assertThat(b.all(By.cssSelector("#chart-tenders svg.bar rect"))).isNotEmpty();
            assertThat(b.text(By.id("chart-tenders"))).contains("Cash");
            assertThat(b.all(By.cssSelector("#chart-reasons svg.bar rect"))).isNotEmpty();
            assertThat(b.text(By.id("chart-reasons"))).contains("Defective");
            assertThat(b.accessibilityProblems()).isEmpty();
            b.screenshot("office-dashboard");
            ((org.openqa.selenium.JavascriptExecutor) b.driver())
                    .executeScript("arguments[0].scrollIntoView()", b.find(By.id("chart-hours")));
            b.screenshot("office-charts");

            // The CSV link: the report API answers it as text/csv with its header line.
            String href = b.find(By.id("csv-link")).getAttribute("href");
            HttpResponse<String> csv = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(href))
                    .header("Authorization", "Basic " + Base64.getEncoder()
                            .encodeToString("office:office".getBytes(StandardCharsets.UTF_8))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(csv.statusCode()).isEqualTo(200);
            assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
            assertThat(csv.body().lines().findFirst().orElse("")).isNotBlank().contains(",");
            // Clicking it in the page downloads it with the page's token: no error shown.
            b.find(By.id("csv-link")).sendKeys(Keys.ENTER);
            org.awaitility.Awaitility.await().during(java.time.Duration.ofMillis(500))
                    .atMost(java.time.Duration.ofSeconds(3))
                    .until(() -> b.content(By.id("download-error")).isEmpty());

            // A date range by keyboard: from and to.
            b.open("/office?from=2026-01-01&to=2026-01-31");
            assertThat(b.text(By.id("office-period"))).contains("2026");
            assertThat(b.find(By.id("csv-link")).getAttribute("href")).contains("from=2026-01-01&to=2026-01-31&format=csv");
            b.open("/office/promotions");
            b.find(By.tagName("h1"));
            b.screenshot("office-promotions");
        }
    }

    /**
     * A tablet set to another zone than the store's (Europe/Riga in the demo) shows a case's times in the store's
     * zone, as the server-rendered pages do: the hour the API's instant has in the store's zone.
     */
    @Test
    void caseTimesAreInTheStoresZoneWhateverTheBrowsersZone() {
        String caseNumber = api.postIdempotent("/api/v1/cases", "clerk", "desk-zone-" + UUID.randomUUID(),
                "{\"category\":\"QUESTION\",\"channel\":\"PHONE\",\"subject\":\"Opening hours\"}").text("caseNumber");
        java.time.ZonedDateTime opened = java.time.OffsetDateTime.parse(
                api.get("/api/v1/cases/" + caseNumber, "clerk").text("openedAt")).atZoneSameInstant(store.zone());
        assertThat(store.zone().getRules().getOffset(opened.toInstant()))
                .isNotEqualTo(java.time.ZoneId.of("Asia/Tokyo").getRules().getOffset(opened.toInstant()));
        try (Browser b = new Browser(port)) {
            b.timezone("Asia/Tokyo");
            b.signIn("clerk");
            b.open("/cases/" + caseNumber + "?lang=en");
            b.waitForText(By.id("case-status"), "Open");
            assertThat(b.js("return Intl.DateTimeFormat().resolvedOptions().timeZone")).isEqualTo("Asia/Tokyo");
            String shown = b.text(By.id("case-opened"));
            // "Dec 6, 2026, 7:40 AM · clerk": the store's clock, not the tablet's Tokyo time.
            String clock = opened.format(java.time.format.DateTimeFormatter.ofPattern("h:mm a", java.util.Locale.ENGLISH));
            String date = opened.format(java.time.format.DateTimeFormatter.ofPattern("MMM d, yyyy", java.util.Locale.ENGLISH));
            assertThat(shown.replace('\u202f', ' ')).startsWith(date + ", " + clock).endsWith("clerk");
            assertThat(b.text(By.id("timeline")).replace('\u202f', ' ')).contains(clock);
        }
    }

    @Test
    void theCasesPageListsOpenComplaintsByLegalDeadlineWithTheirClock() {
        String item = "Tējkanna " + UUID.randomUUID().toString().substring(0, 6);
        Api.Response received = api.post("/api/v1/complaints", "clerk", """
                {"item":"%s","defect":"Nesilda","remedy":"REPAIR","notifyBy":"IN_STORE"}""".formatted(item));
        assertThat(received.status()).as(received.body()).isEqualTo(201);
        String number = received.text("complaintNumber");
        try (Browser b = new Browser(port)) {
            b.signIn("clerk");
            b.open("/cases?lang=cs");
            assertThat(b.text(By.id("complaints-title"))).isEqualTo("Reklamace podle zákonné lhůty");
            By row = By.cssSelector("#complaints-list tr[data-complaint='" + number + "']");
            b.waitForText(row, item);
            assertThat(b.text(row)).contains(number, received.text("caseNumber"), "30", "V lhůtě");
            assertThat(b.text(By.id("complaints-overdue"))).isEqualTo("0");
            b.find(By.cssSelector("#complaints-list tr[data-complaint='" + number + "'] a")).click();
            b.waitUntil(d -> d.getCurrentUrl().endsWith("/cases/" + received.text("caseNumber")));
            b.waitForText(By.tagName("main"), "Reklamace přijata");
        }
    }

    @Test
    void everyNewPageRendersInAllFourLanguages() {
        String customerId = api.postIdempotent("/api/v1/customers", "clerk", "desk-lang-" + UUID.randomUUID(),
                "{\"name\":\"Jānis Ozols\"}").text("id");
        String caseNumber = api.postIdempotent("/api/v1/cases", "clerk", "desk-lang-case-" + UUID.randomUUID(),
                "{\"customerId\":\"" + customerId + "\",\"category\":\"QUESTION\",\"channel\":\"IN_STORE\",\"subject\":\"Opening hours\"}")
                .text("caseNumber");
        List<String> pages = List.of("/", "/customers", "/customers/" + customerId, "/cases", "/cases/" + caseNumber,
                "/office", "/office/promotions");
        try (Browser b = new Browser(port)) {
            b.signIn("manager");
            for (String lang : List.of("en", "lv", "cs", "ru")) {
                b.open("/?lang=" + lang);
                for (String page : pages) {
                    b.open(page);
                    if (page.startsWith("/cases/")) {
                        b.waitUntil(d -> !d.findElement(By.id("case-status")).getText().isEmpty());
                    }
                    if (page.startsWith("/customers/")) {
                        b.waitUntil(d -> d.findElement(By.id("purchases-none")).isDisplayed());
                    }
                    String name = page.equals("/") ? "home" : page.substring(1).replace('/', '-')
                            .replace(customerId, "id").replace(caseNumber, "n");
                    b.waitUntil(d -> d.findElement(By.tagName("html")).getAttribute("lang").equals(lang));
                    assertThat(b.driver().getPageSource()).as(page + " in " + lang)
                            .doesNotContain("??").doesNotContain("Whitelabel");
                    assertThat(b.all(By.cssSelector("a.skip"))).hasSize(1);
                    assertThat(b.accessibilityProblems()).as(page + " in " + lang).isEmpty();
                    b.screenshot("desk-" + name + "-" + lang);
                }
            }
        }
    }
}
