package io.storedesk.pos.sync.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import io.storedesk.pos.cases.CaseOpened;
import io.storedesk.pos.cases.CaseResolved;
import io.storedesk.pos.catalog.Catalog;
import io.storedesk.pos.catalog.CatalogItem;
import io.storedesk.pos.common.StoreProperties;
import io.storedesk.pos.drawer.DrawerClosed;
import io.storedesk.pos.loyalty.LoyaltyEntryPosted;
import io.storedesk.pos.report.ZReport;
import io.storedesk.pos.report.ZReportIssued;
import io.storedesk.pos.returns.ReturnCompleted;
import io.storedesk.pos.sale.SaleCompleted;
import io.storedesk.pos.sale.SaleVoided;
import io.storedesk.pos.stock.StockMoved;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes every business event into the outbox, as the payload of docs/sync-protocol.md. Plain
 * synchronous listeners on purpose: they run inside the publishing transaction, so the outbox row
 * commits or rolls back with the sale, return or close it records. One INSERT each and no reads
 * (the sale path is performance-critical); a return's line departments come from the in-memory catalogue.
 */
@Component
class OutboxRecorder {

    private final Outbox outbox;
    private final StoreProperties store;
    private final Catalog catalog;
    private final JsonMapper json;
    private final Clock clock;

    OutboxRecorder(Outbox outbox, StoreProperties store, Catalog catalog, JsonMapper json, Clock clock) {
        this.outbox = outbox;
        this.store = store;
        this.catalog = catalog;
        this.json = json;
        this.clock = clock;
    }

    @EventListener
    void on(SaleCompleted sale) {
        record("SALE_COMPLETED", sale.completedAt(), DocumentPayloads.sale(sale, store.zone()));
    }

    @EventListener
    void on(SaleVoided voided) {
        record("SALE_VOIDED", voided.voidedAt(), DocumentPayloads.voided(voided));
    }

    @EventListener
    void on(ReturnCompleted returned) {
        record("RETURN_COMPLETED", clock.instant(), DocumentPayloads.returned(returned, store.id(),
                sku -> catalog.find(sku).map(CatalogItem::department).orElse(null)));
    }

    @EventListener
    void on(DrawerClosed d) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("drawerId", d.drawerId());
        p.put("registerId", d.registerId());
        p.put("storeId", store.id());
        p.put("sessionId", d.sessionId());
        p.put("businessDate", d.businessDate().toString());
        p.put("closedBy", d.closedBy());
        p.put("currency", d.currency());
        p.put("expectedCash", d.expectedCash());
        p.put("countedCash", d.countedCash());
        p.put("variance", d.variance());
        record("DRAWER_CLOSED", d.closedAt(), p);
    }

    @EventListener
    void on(ZReportIssued issued) {
        ZReport z = issued.report();
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("zNumber", z.zNumber());
        p.put("storeId", z.storeId());
        p.put("businessDate", z.businessDate().toString());
        p.put("closedBy", z.closedBy());
        p.put("currency", z.currency());
        p.put("salesCount", z.salesCount());
        p.put("netSales", z.netSales());
        // the day's counters head office checks its received events against (completeness)
        p.put("salesTotal", z.salesTotal());
        p.put("voidsCount", z.voidsCount());
        p.put("voids", z.voids());
        p.put("returnsCount", z.returnsCount());
        p.put("returns", z.returns());
        record("Z_REPORT", z.closedAt().toInstant(), p);
    }

    @EventListener
    void on(LoyaltyEntryPosted e) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("entryId", e.entryId());
        p.put("storeId", store.id());
        p.put("card", e.card());
        p.put("entryType", e.type());
        p.put("points", e.points());
        if (e.receiptNumber() != null) {
            p.put("receiptNumber", e.receiptNumber());
        }
        if (e.document() != null) {
            p.put("document", e.document());
        }
        p.put("occurredAt", e.occurredAt().toString());
        record("LOYALTY_ENTRY", e.occurredAt(), p);
    }

    @EventListener
    void on(CaseOpened c) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("caseNumber", c.caseNumber());
        p.put("storeId", store.id());
        if (c.customerId() != null) {
            p.put("customerId", c.customerId());
        }
        if (c.category() != null) {
            p.put("category", c.category());
        }
        p.put("openedBy", c.openedBy());
        p.put("openedAt", c.openedAt().toString());
        record("CASE_OPENED", c.openedAt(), p);
    }

    @EventListener
    void on(CaseResolved c) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("caseNumber", c.caseNumber());
        p.put("storeId", store.id());
        p.put("resolvedBy", c.resolvedBy());
        p.put("resolvedAt", c.resolvedAt().toString());
        p.put("resolution", c.resolution());
        record("CASE_RESOLVED", c.resolvedAt(), p);
    }

    /** One STOCK_MOVEMENT per document that moved stock (docs/sync-protocol.md). */
    @EventListener
    void on(StockMoved m) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("storeId", store.id());
        p.put("document", m.document());
        p.put("reason", m.reason());
        if (m.reasonCode() != null) {
            p.put("reasonCode", m.reasonCode());
        }
        if (m.user() != null) {
            p.put("user", m.user());
        }
        p.put("occurredAt", m.occurredAt().toString());
        p.put("lines", m.lines().stream().map(l -> {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("sku", l.sku());
            line.put("quantity", l.quantity());
            return line;
        }).toList());
        record("STOCK_MOVEMENT", m.occurredAt(), p);
    }

    private void record(String type, Instant occurredAt, Map<String, Object> payload) {
        outbox.add(type, occurredAt, json.writeValueAsString(payload));
    }

}
