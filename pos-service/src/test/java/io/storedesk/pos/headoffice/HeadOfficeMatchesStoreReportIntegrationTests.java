package io.storedesk.pos.headoffice;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.storedesk.pos.PosApplication;
import io.storedesk.pos.common.StoreProperties;
import io.storedesk.pos.support.Api;
import io.storedesk.pos.support.IntegrationTest;
import io.storedesk.pos.support.Postgres;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The consolidated report agrees with the store's own daily report: every sale, post-void and
 * return of the store's business day (real ones, rung up over HTTP, plus whatever other tests
 * left that day) is read back from the store's API, sent to a head office (a second service in
 * the head-office role, on PostgreSQL) as the contract's events, and head office's figures for
 * the store must equal the store report's in every field the contract names.
 */
class HeadOfficeMatchesStoreReportIntegrationTests extends IntegrationTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final List<String> FIELDS = List.of("salesCount", "grossSales", "discounts", "salesTotal", "returns",
            "returnsCount", "netSales", "taxTotal", "cashRounding", "taxByRate", "tenders", "byDepartment", "byHour",
            "refundsByTender", "voids");

    @Autowired
    StoreProperties store;

    @Test
    void headOfficeFiguresEqualTheStoreReportForTheSameDay() {
        ensureOpen("D4");
        String kept = sale("""
                [{"sku":"LV-1001","quantity":3},{"sku":"LV-1008","quantity":1},{"sku":"LV-1017","quantity":1}]""", "40.00");
        String voided = sale("[{\"sku\":\"LV-1016\",\"quantity\":2}]", "30.00");
        Api.Response v = api.post("/api/v1/sales/" + voided + "/void", "clerk",
                "{\"reason\":\"customer changed mind\",\"approval\":{\"manager\":\"manager\",\"pin\":\"1234\"}}");
        assertThat(v.status()).as(v.body()).isEqualTo(200);
        Api.Response r = api.post("/api/v1/returns", "clerk", """
                {"receiptNumber":"%s","drawerId":"D4","lines":[{"lineNo":1,"quantity":1,"reason":"DEFECTIVE","restock":false}]}"""
                .formatted(kept));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        LocalDate day = LocalDate.parse(api.get("/api/v1/sales/" + kept, "manager").text("businessDate"));

        List<String> events = new ArrayList<>();
        for (String receipt : jdbc.sql("SELECT receipt_number FROM sale WHERE business_date = ? ORDER BY id").param(day)
                .query(String.class).list()) {
            events.add(saleEvent(api.get("/api/v1/sales/" + receipt, "manager").json()));
        }
        jdbc.sql("SELECT receipt_number, voided_by, total FROM sale_void WHERE business_date = ?").param(day)
                .query((rs, n) -> events.add(HeadOfficeEvents.voided(store.id(), rs.getString(1), day.toString(),
                        store.currency().getCurrencyCode(), rs.getBigDecimal(3).setScale(2).toPlainString())))
                .list();
        for (String number : jdbc.sql("SELECT return_number FROM sale_return WHERE business_date = ?").param(day)
                .query(String.class).list()) {
            events.add(returnEvent(api.get("/api/v1/returns/" + number, "manager").json()));
        }
        JsonNode own = api.get("/api/v1/reports/daily?date=" + day, "manager").json();

        ConfigurableApplicationContext ho = SpringApplication.run(PosApplication.class, "--server.port=0",
                "--spring.profiles.active=head-office", "--spring.datasource.url=" + Postgres.newDatabase("hocheck"),
                "--spring.datasource.username=postgres", "--spring.datasource.password=",
                "--pos.data-dir=target/test-data/ho-check-" + UUID.randomUUID(), "--spring.main.banner-mode=off");
        try {
            Api headOffice = new Api(ho.getEnvironment().getRequiredProperty("local.server.port", Integer.class));
            for (int from = 0; from < events.size(); from += 500) {
                Api.Response sent = headOffice.post("/api/ho/v1/stores/" + store.id() + "/events", null,
                        HeadOfficeEvents.batch(events.subList(from, Math.min(events.size(), from + 500))),
                        Map.of("X-Store-Id", store.id(), "X-Store-Key", "demo-key-" + store.id()));
                assertThat(sent.status()).as(sent.body()).isEqualTo(200);
            }
            JsonNode figures = headOffice.get("/api/ho/v1/reports/daily?date=" + day + "&storeId=" + store.id(), "office")
                    .json().get("byStore").get(store.id());
            assertThat(own.get("salesCount").asInt()).isGreaterThanOrEqualTo(1);
            assertThat(own.get("voids").get("count").asInt()).isGreaterThanOrEqualTo(1);
            assertThat(own.get("returnsCount").asInt()).isGreaterThanOrEqualTo(1);
            for (String field : FIELDS) {
                assertThat(figures.get(field)).as(field + " (store: " + own.get(field) + ")").isEqualTo(own.get(field));
            }
        } finally {
            ho.close();
        }
    }

    private String sale(String lines, String cash) {
        Api.Response r = api.post("/api/v1/sales", "clerk", """
                {"drawerId":"D4","lines":%s,"tenders":[{"type":"CASH","amount":"%s"}]}""".formatted(lines, cash));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.text("receiptNumber");
    }

    /** SALE_COMPLETED as docs/sync-protocol.md has it, from the store's own view of the sale. */
    private String saleEvent(JsonNode s) {
        ObjectNode p = JSON.createObjectNode();
        for (String f : List.of("receiptNumber", "registerId", "drawerId", "businessDate", "clerk", "completedAt",
                "currency", "subtotal", "discountTotal", "total", "taxTotal", "cashRounding", "loyaltyCard")) {
            p.set(f, s.get(f));
        }
        p.put("storeId", store.id());
        p.put("hour", "%02d".formatted(OffsetDateTime.parse(s.get("completedAt").asString())
                .atZoneSameInstant(store.zone()).getHour()));
        ArrayNode lines = p.putArray("lines");
        s.get("lines").forEach(l -> {
            ObjectNode line = lines.addObject();
            for (String f : List.of("lineNo", "sku", "department", "quantity", "unitPrice", "discount", "net", "tax",
                    "taxRate")) {
                line.set(f, l.get(f));
            }
        });
        ArrayNode tenders = p.putArray("tenders");
        s.get("tenders").forEach(t -> tenders.addObject().put("type", t.get("type").asString())
                .put("amount", t.get("amount").asString()));
        return HeadOfficeEvents.event("SALE_COMPLETED", p.toString());
    }

    private String returnEvent(JsonNode r) {
        ObjectNode p = JSON.createObjectNode();
        for (String f : List.of("returnNumber", "receiptNumber", "registerId", "drawerId", "businessDate", "clerk",
                "currency", "refundTotal", "cashRounding")) {
            p.set(f, r.get(f));
        }
        p.put("storeId", store.id());
        ArrayNode lines = p.putArray("lines");
        r.get("lines").forEach(l -> lines.addObject().put("lineNo", l.get("lineNo").asInt())
                .put("sku", l.get("sku").asString()).put("quantity", l.get("quantity").asInt())
                .put("reason", l.get("reason").asString()).put("refund", l.get("refund").asString()));
        ArrayNode refunds = p.putArray("refunds");
        r.get("refunds").forEach(f -> refunds.addObject().put("type", f.get("type").asString())
                .put("amount", f.get("amount").asString()));
        return HeadOfficeEvents.event("RETURN_COMPLETED", p.toString());
    }
}
