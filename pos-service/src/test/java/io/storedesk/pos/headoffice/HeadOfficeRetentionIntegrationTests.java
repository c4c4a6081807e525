package io.storedesk.pos.headoffice;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import io.storedesk.pos.support.Api;
import io.storedesk.pos.support.Postgres;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import static io.storedesk.pos.headoffice.HeadOfficeEvents.batch;
import static io.storedesk.pos.headoffice.HeadOfficeEvents.line;
import static io.storedesk.pos.headoffice.HeadOfficeEvents.sale;
import static io.storedesk.pos.headoffice.HeadOfficeEvents.tender;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Retention on PostgreSQL ({@code pos.head-office.retention-months=2}): the detail tables are
 * partitioned by month; the job drops the months older than this month and the two before it,
 * keeps the rest, and keeps every store's day totals, so the reports of a dropped month stand.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"pos.data-dir=target/test-data/ho-retention-${random.uuid}",
                "pos.head-office.store-keys.S008=key-eight", "pos.head-office.retention-months=2"})
@ActiveProfiles("head-office")
class HeadOfficeRetentionIntegrationTests {

    private static final String DATABASE = Postgres.newDatabase("horetention");

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> DATABASE);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void retentionDropsTheOldMonthsDetailAndKeepsTheRestAndEveryTotal() {
        LocalDate month = LocalDate.now(ZoneOffset.UTC).withDayOfMonth(1);
        LocalDate old = month.minusMonths(5).plusDays(2);
        LocalDate kept = month.minusMonths(2);
        String oldMonth = old.format(DateTimeFormatter.ofPattern("yyyy_MM"));
        // the month partitions of five months ago, as the job made them ahead back then
        for (String table : List.of("ho_sale", "ho_sale_line", "ho_sale_tender")) {
            jdbc.sql("SELECT ho_ensure_month(?, ?)").params(table, old).query(Boolean.class).single();
        }
        Api api = new Api(port);
        Api.Response sent = api.post("/api/ho/v1/stores/S008/events", null, batch(
                sale("S008", "S008-R01-1", old.toString(), "09", "EUR", "8.00", "0.00", "8.00", "0.86", "0.00",
                        List.of(line(1, "FOOD", 1, "8.00", "0.00", "8.00", "0.86", "12")), List.of(tender("CASH", "8.00"))),
                sale("S008", "S008-R01-2", kept.toString(), "10", "EUR", "3.00", "0.00", "3.00", "0.32", "0.00",
                        List.of(line(1, "FOOD", 1, "3.00", "0.00", "3.00", "0.32", "12")), List.of(tender("CARD", "3.00")))),
                Map.of("X-Store-Id", "S008", "X-Store-Key", "key-eight"));
        assertThat(sent.status()).as(sent.body()).isEqualTo(200);
        assertThat(rows("ho_sale_" + oldMonth)).isEqualTo(1);

        Api.Response ran = api.post("/api/ho/v1/reports/retention", "office", "");
        assertThat(ran.status()).as(ran.body()).isEqualTo(200);
        assertThat(ran.json().get("detailKeptFrom").asString()).isEqualTo(kept.toString());
        assertThat(ran.json().get("totalsKeptFrom").isNull()).isTrue();
        assertThat(ran.json().get("droppedPartitions").toString()).contains("\"ho_sale_" + oldMonth + "\"")
                .contains("\"ho_sale_line_" + oldMonth + "\"").contains("\"ho_sale_tender_" + oldMonth + "\"");
        assertThat(jdbc.sql("SELECT to_regclass(?) IS NULL").param("ho_sale_" + oldMonth).query(Boolean.class)
                .single()).isTrue();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM ho_sale WHERE store_id = 'S008'").query(Long.class).single())
                .isEqualTo(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM ho_sale_line WHERE business_date = ?").param(kept)
                .query(Long.class).single()).isEqualTo(1);

        // the totals stay: the old day still reports, the kept day too; the old day can no longer be rebuilt
        JsonNode oldDay = api.get("/api/ho/v1/reports/daily?date=" + old + "&storeId=S008", "office").json();
        assertThat(oldDay.get("byStore").get("S008").get("salesTotal").asString()).isEqualTo("8.00");
        assertThat(oldDay.get("byStore").get("S008").get("tenders").get("CASH").asString()).isEqualTo("8.00");
        JsonNode range = api.get("/api/ho/v1/reports/range?from=" + old + "&to=" + kept + "&storeId=S008", "office")
                .json();
        assertThat(range.get("byStore").get("S008").get("salesTotal").asString()).isEqualTo("11.00");
        Api.Response rebuildOld = api.post("/api/ho/v1/reports/daily/rebuild?date=" + old + "&storeId=S008",
                "office", "");
        assertThat(rebuildOld.status()).isEqualTo(422);
        assertThat(rebuildOld.text("type")).isEqualTo("https://storedesk.io/problems/detail-dropped");
        Api.Response rebuildKept = api.post("/api/ho/v1/reports/daily/rebuild?date=" + kept + "&storeId=S008",
                "office", "");
        assertThat(rebuildKept.status()).as(rebuildKept.body()).isEqualTo(200);
        assertThat(rebuildKept.json().get("changed").asBoolean()).isFalse();

        // a second run finds nothing more to drop
        Api.Response again = api.post("/api/ho/v1/reports/retention", "office", "");
        assertThat(again.json().get("droppedPartitions").size()).isZero();
        assertThat(again.json().get("deletedRows").asLong()).isZero();
    }

    private long rows(String table) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
    }
}
