package io.storedesk.pos.headoffice;

import java.util.List;
import java.util.Map;

import io.storedesk.pos.support.Api;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static io.storedesk.pos.headoffice.HeadOfficeEvents.batch;
import static io.storedesk.pos.headoffice.HeadOfficeEvents.line;
import static io.storedesk.pos.headoffice.HeadOfficeEvents.sale;
import static io.storedesk.pos.headoffice.HeadOfficeEvents.tender;
import static org.assertj.core.api.Assertions.assertThat;

/** The head-office role also starts on H2 (the demo): it takes a batch and reports it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "pos.data-dir=target/test-data/ho-h2-${random.uuid}")
@ActiveProfiles("head-office")
class HeadOfficeOnH2IntegrationTests {

    @LocalServerPort
    int port;

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.core.env.Environment environment;

    @Test
    void headOfficeStartsOnH2AndReportsWhatAStoreSent() {
        assertThat(environment.getProperty("pos.role")).isEqualTo("head-office");
        Api api = new Api(port);
        String body = batch(sale("S001", "S001-R02-1", "2026-11-24", "16", "EUR", "2.40", "0.00", "2.40", "0.26",
                "0.00", List.of(line(1, "FOOD", 2, "1.20", "0.00", "2.40", "0.26", "12")), List.of(tender("CASH", "2.40"))));
        Api.Response sent = api.post("/api/ho/v1/stores/S001/events", null, body,
                Map.of("X-Store-Id", "S001", "X-Store-Key", "demo-key-S001"));
        assertThat(sent.status()).as(sent.body()).isEqualTo(200);
        assertThat(sent.json().get("applied").asInt()).isEqualTo(1);

        Api.Response report = api.get("/api/ho/v1/reports/daily?date=2026-11-24", "office");
        assertThat(report.status()).as(report.body()).isEqualTo(200);
        assertThat(report.json().get("currencies").get("EUR").get("salesTotal").asString()).isEqualTo("2.40");
        assertThat(report.json().get("byStore").get("S001").get("byHour").get("16").asString()).isEqualTo("2.40");
        assertThat(api.get("/api/ho/v1/loyalty/accounts/2900000000017", "office").json().get("balance").asLong())
                .isEqualTo(12500);

        Api.Response page = api.get("/office/stores?date=2026-11-24", "office");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"ho-stores\"").contains(">S001<").contains(">2.40<")
                .contains("href=\"/office/stores\"");
        assertThat(api.get("/office/stores", "clerk").status()).isEqualTo(403);
    }

    @Test
    void onH2TooAVoidBeforeItsSaleLeavesTheSaleOutAndARangeSumsTheDays() {
        Api api = new Api(port);
        Map<String, String> key = Map.of("X-Store-Id", "S002", "X-Store-Key", "demo-key-S002");
        String voided = HeadOfficeEvents.voided("S002", "S002-R01-7", "2026-05-04", "EUR", "5.00");
        String sold = sale("S002", "S002-R01-7", "2026-05-04", "11", "EUR", "5.00", "0.00", "5.00", "0.54", "0.00",
                List.of(line(1, "FOOD", 1, "5.00", "0.00", "5.00", "0.54", "12")), List.of(tender("CASH", "5.00")));
        String kept = sale("S002", "S002-R01-8", "2026-05-05", "12", "EUR", "1.50", "0.00", "1.50", "0.16", "0.00",
                List.of(line(1, "FOOD", 1, "1.50", "0.00", "1.50", "0.16", "12")), List.of(tender("CASH", "1.50")));
        assertThat(api.post("/api/ho/v1/stores/S002/events", null, batch(voided), key).status()).isEqualTo(200);
        assertThat(api.post("/api/ho/v1/stores/S002/events", null, batch(sold, kept, sold), key).status())
                .isEqualTo(200);

        Api.Response day = api.get("/api/ho/v1/reports/daily?date=2026-05-04&storeId=S002", "office");
        assertThat(day.status()).as(day.body()).isEqualTo(200);
        assertThat(day.json().get("byStore").get("S002").get("salesCount").asLong()).isZero();
        assertThat(day.json().get("byStore").get("S002").get("byDepartment").size()).isZero();
        assertThat(day.json().get("byStore").get("S002").get("voids").get("amount").asString()).isEqualTo("5.00");
        Api.Response range = api.get("/api/ho/v1/reports/range?from=2026-05-04&to=2026-05-05&storeId=S002", "office");
        assertThat(range.status()).as(range.body()).isEqualTo(200);
        assertThat(range.json().get("byStore").get("S002").get("salesTotal").asString()).isEqualTo("1.50");
        assertThat(range.json().get("byStore").get("S002").get("voids").get("count").asLong()).isEqualTo(1);

        Api.Response page = api.get("/office/stores?date=2026-05-05&from=2026-05-04&to=2026-05-05", "office");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"ho-completeness\"").contains("data-status=\"WAITING_FOR_Z\"")
                .contains("id=\"ho-range\"").contains(">1.50<");
        Api.Response backwards = api.get("/office/stores?date=2026-05-05&from=2026-05-05&to=2026-05-04", "office");
        assertThat(backwards.status()).isEqualTo(200);
        assertThat(backwards.body()).contains("id=\"ho-range-error\"").doesNotContain("id=\"ho-range\"");
    }
}
