package io.storedesk.pos.sync;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import io.storedesk.pos.cases.CaseOpened;
import io.storedesk.pos.loyalty.LoyaltyAccounts;
import io.storedesk.pos.support.Api;
import io.storedesk.pos.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outbox of the head-office sync in the shared service (sync off: the outbox is recorded,
 * nothing is pushed): each business event lands as exactly one row of the protocol's type and
 * payload, in the transaction of the change. Sales at drawer D1.
 */
class SyncOutboxIntegrationTests extends IntegrationTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String APPROVAL = "\"approval\":{\"manager\":\"manager\",\"pin\":\"1234\"}";

    @Autowired
    LoyaltyAccounts accounts;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate tx;

    @BeforeEach
    void openDrawer() {
        ensureOpen("D1");
    }

    record Row(long sequence, String type, JsonNode payload) {
    }

    private List<Row> rows(String type, String field, String value) {
        return jdbc.sql("SELECT id, type, payload FROM sync_outbox WHERE type = ? AND payload LIKE ? ORDER BY id")
                .params(type, "%\"" + field + "\":\"" + value + "\"%")
                .query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), JSON.readTree(rs.getString(3))))
                .list();
    }

    @Test
    void aSaleLandsOnceAsSaleCompletedWithTheProtocolPayload() {
        Api.Response sale = api.post("/api/v1/sales", "clerk", """
                {"drawerId":"D1","lines":[{"sku":"LV-1001","quantity":2},{"sku":"LV-1009","quantity":1}],
                 "tenders":[{"type":"CASH","amount":"30.00"}]}""");
        assertThat(sale.status()).as(sale.body()).isEqualTo(201);
        String receipt = sale.text("receiptNumber");

        List<Row> rows = rows("SALE_COMPLETED", "receiptNumber", receipt);

        assertThat(rows).hasSize(1);
        JsonNode p = rows.get(0).payload();
        assertThat(p.get("storeId").asString()).isEqualTo("S001");
        assertThat(p.get("registerId").asString()).isEqualTo("R01");
        assertThat(p.get("drawerId").asString()).isEqualTo("D1");
        assertThat(p.get("businessDate").asString()).isEqualTo(sale.text("businessDate"));
        assertThat(p.get("clerk").asString()).isEqualTo("clerk");
        assertThat(p.get("currency").asString()).isEqualTo("EUR");
        assertThat(p.get("subtotal").asString()).isEqualTo(sale.text("subtotal"));
        assertThat(p.get("discountTotal").asString()).isEqualTo(sale.text("discountTotal"));
        assertThat(p.get("total").asString()).isEqualTo(sale.text("total"));
        assertThat(p.get("taxTotal").asString()).isEqualTo(sale.text("taxTotal"));
        assertThat(p.get("cashRounding").asString()).isEqualTo(sale.text("cashRounding"));
        Instant completedAt = Instant.parse(p.get("completedAt").asString());
        assertThat(p.get("hour").asString()).isEqualTo("%02d".formatted(
                completedAt.atZone(java.time.ZoneId.of("Europe/Riga")).getHour()));
        assertThat(p.has("loyaltyCard")).isFalse();
        assertThat(p.get("lines")).hasSize(2);
        JsonNode line = p.get("lines").get(1);
        assertThat(line.get("lineNo").asInt()).isEqualTo(2);
        assertThat(line.get("sku").asString()).isEqualTo("LV-1009");
        assertThat(line.get("department").asString()).isEqualTo("DRINKS");
        assertThat(line.get("quantity").asInt()).isEqualTo(1);
        assertThat(line.get("unitPrice").asString()).isEqualTo("17.99");
        assertThat(line.get("net").asString()).isEqualTo(sale.json().get("lines").get(1).get("net").asString());
        assertThat(line.get("taxRate").asString()).isEqualTo("21");
        assertThat(line.has("tax")).isTrue();
        assertThat(line.has("discount")).isTrue();
        assertThat(p.get("tenders")).hasSize(1);
        assertThat(p.get("tenders").get(0).get("type").asString()).isEqualTo("CASH");
        assertThat(p.get("tenders").get(0).get("amount").asString())
                .isEqualTo(sale.json().get("tenders").get(0).get("amount").asString());
    }

    @Test
    void aRefusedSaleLeavesNoOutboxRow() {
        long before = count("sync_outbox");

        Api.Response refused = api.post("/api/v1/sales", "clerk", """
                {"drawerId":"D1","lines":[{"sku":"LV-1001","quantity":1},{"sku":"NO-SUCH-SKU","quantity":1}],
                 "tenders":[{"type":"CASH","amount":"10.00"}]}""");

        assertThat(refused.status()).isEqualTo(422);
        assertThat(count("sync_outbox")).isEqualTo(before);
    }

    @Test
    void anEventIsRecordedInThePublishingTransactionAndRolledBackWithIt() {
        String rolledBack = "S001-CASE-TX-" + System.nanoTime();
        String committed = "S001-CASE-TX-" + (System.nanoTime() + 1);

        tx.executeWithoutResult(s -> {
            events.publishEvent(new CaseOpened(rolledBack, null, "OTHER", "PHONE", "clerk", Instant.now()));
            assertThat(rows("CASE_OPENED", "caseNumber", rolledBack)).hasSize(1); // inside: written already
            s.setRollbackOnly();
        });
        tx.executeWithoutResult(s -> events.publishEvent(
                new CaseOpened(committed, null, "OTHER", "PHONE", "clerk", Instant.now())));

        assertThat(rows("CASE_OPENED", "caseNumber", rolledBack)).isEmpty();
        assertThat(rows("CASE_OPENED", "caseNumber", committed)).hasSize(1);
    }

    @Test
    void aReturnLandsOnceAsReturnCompleted() {
        String receipt = cashSale("D1", "LV-1011", 2, "20.00");

        Api.Response returned = api.post("/api/v1/returns", "clerk", """
                {"receiptNumber":"%s","drawerId":"D1","lines":[{"lineNo":1,"quantity":1,"reason":"DEFECTIVE",
                 "restock":false}],"refundMethod":"CASH"}""".formatted(receipt));
        assertThat(returned.status()).as(returned.body()).isEqualTo(201);

        List<Row> rows = rows("RETURN_COMPLETED", "returnNumber", returned.text("returnNumber"));
        assertThat(rows).hasSize(1);
        JsonNode p = rows.get(0).payload();
        assertThat(p.get("receiptNumber").asString()).isEqualTo(receipt);
        assertThat(p.get("storeId").asString()).isEqualTo("S001");
        assertThat(p.get("registerId").asString()).isEqualTo("R01");
        assertThat(p.get("drawerId").asString()).isEqualTo("D1");
        assertThat(p.get("clerk").asString()).isEqualTo("clerk");
        assertThat(p.get("currency").asString()).isEqualTo("EUR");
        assertThat(p.get("refundTotal").asString()).isEqualTo(returned.text("refundTotal"));
        assertThat(p.has("cashRounding")).isTrue();
        assertThat(p.get("lines").get(0).get("sku").asString()).isEqualTo("LV-1011");
        assertThat(p.get("lines").get(0).get("department").asString()).isEqualTo("DRINKS");
        assertThat(p.get("lines").get(0).get("quantity").asInt()).isEqualTo(1);
        assertThat(p.get("lines").get(0).get("reason").asString()).isEqualTo("DEFECTIVE");
        assertThat(p.get("lines").get(0).get("refund").asString()).isEqualTo("7.49");
        assertThat(p.get("refunds").get(0).get("type").asString()).isEqualTo("CASH");
    }

    @Test
    void aPostVoidLandsOnceAsSaleVoided() {
        String receipt = cashSale("D1", "LV-1008", 1, "5.00");

        Api.Response voided = api.post("/api/v1/sales/" + receipt + "/void", "clerk",
                "{\"reason\":\"rang up twice\"," + APPROVAL + "}");
        assertThat(voided.status()).as(voided.body()).isEqualTo(200);

        List<Row> rows = rows("SALE_VOIDED", "receiptNumber", receipt);
        assertThat(rows).hasSize(1);
        JsonNode p = rows.get(0).payload();
        assertThat(p.get("voidedBy").asString()).isEqualTo("clerk");
        assertThat(p.get("approvedBy").asString()).isEqualTo("manager");
        assertThat(p.get("reason").asString()).isEqualTo("rang up twice");
        assertThat(p.get("total").asString()).isEqualTo("2.19");
        assertThat(p.get("currency").asString()).isEqualTo("EUR");
        assertThat(p.get("registerId").asString()).isEqualTo("R01");
        assertThat(p.has("voidedAt")).isTrue();
        // the sale itself is still there once, before the void
        List<Row> sale = rows("SALE_COMPLETED", "receiptNumber", receipt);
        assertThat(sale).hasSize(1);
        assertThat(sale.get(0).sequence()).isLessThan(rows.get(0).sequence());
    }

    @Test
    void aLoyaltyEarnLandsOnceAsLoyaltyEntry() {
        String card = "78%011d".formatted(System.nanoTime() % 100_000_000_000L);
        accounts.importSnapshot(new LoyaltyAccounts.Snapshot(card, null, "Outbox Holder", null, 0,
                OffsetDateTime.parse("2026-11-20T10:00:00Z")));
        Api.Response sale = api.post("/api/v1/sales", "clerk", """
                {"drawerId":"D1","loyaltyCard":"%s","lines":[{"sku":"LV-1009","quantity":1}],
                 "tenders":[{"type":"CASH","amount":"20.00"}]}""".formatted(card));
        assertThat(sale.status()).as(sale.body()).isEqualTo(201);

        List<Row> rows = rows("LOYALTY_ENTRY", "card", card);
        assertThat(rows).hasSize(1);
        JsonNode p = rows.get(0).payload();
        assertThat(p.get("entryType").asString()).isEqualTo("EARN");
        assertThat(p.get("points").asLong()).isEqualTo(17);
        assertThat(p.get("receiptNumber").asString()).isEqualTo(sale.text("receiptNumber"));
        assertThat(p.get("storeId").asString()).isEqualTo("S001");
        assertThat(p.get("entryId").asString()).isNotBlank();
        assertThat(rows("SALE_COMPLETED", "receiptNumber", sale.text("receiptNumber")).get(0).payload()
                .get("loyaltyCard").asString()).isEqualTo(card);
    }

    @Test
    void aServiceCaseOpenedAndResolvedLandAsCaseEvents() {
        Api.Response opened = api.post("/api/v1/cases", "clerk", """
                {"category":"QUESTION","channel":"IN_STORE","subject":"Opening hours"}""");
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        String number = opened.text("caseNumber");
        Api.Response resolved = api.post("/api/v1/cases/" + number + "/resolve", "clerk",
                "{\"resolution\":\"Told the customer\"}");
        assertThat(resolved.status()).as(resolved.body()).isEqualTo(200);

        List<Row> open = rows("CASE_OPENED", "caseNumber", number);
        List<Row> done = rows("CASE_RESOLVED", "caseNumber", number);
        assertThat(open).hasSize(1);
        assertThat(open.get(0).payload().get("category").asString()).isEqualTo("QUESTION");
        assertThat(open.get(0).payload().get("openedBy").asString()).isEqualTo("clerk");
        assertThat(open.get(0).payload().has("customerId")).isFalse();
        assertThat(done).hasSize(1);
        assertThat(done.get(0).payload().get("resolvedBy").asString()).isEqualTo("clerk");
        assertThat(done.get(0).payload().get("resolution").asString()).isEqualTo("Told the customer");
    }

    @Test
    void theStatusCountsPendingEventsAndSaysSyncIsOff() {
        cashSale("D1", "LV-1002", 1, "2.00");
        long pending = jdbc.sql("SELECT COUNT(*) FROM sync_outbox").query(Long.class).single();

        Api.Response status = api.get("/api/v1/sync/status", "clerk");

        assertThat(status.status()).as(status.body()).isEqualTo(200);
        assertThat(status.json().get("enabled").asBoolean()).isFalse();
        assertThat(status.json().get("pendingEvents").asLong()).isGreaterThanOrEqualTo(pending).isPositive();
        assertThat(status.text("oldestPendingAt")).isNotNull();
        assertThat(status.json().get("headOfficeReachable").asBoolean()).isFalse();
        assertThat(api.post("/api/v1/sync/run", "clerk", "").status()).isEqualTo(403);
        Api.Response run = api.post("/api/v1/sync/run", "manager", "");
        assertThat(run.status()).as(run.body()).isEqualTo(200);
        assertThat(run.json().get("enabled").asBoolean()).isFalse();
        assertThat(run.json().get("pendingEvents").asLong()).isGreaterThanOrEqualTo(pending);
    }
}
