package io.storedesk.pos.sync.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.storedesk.pos.catalog.Catalog;
import io.storedesk.pos.catalog.CatalogItem;
import io.storedesk.pos.common.StoreProperties;
import io.storedesk.pos.customer.CaseOpened;
import io.storedesk.pos.customer.CaseResolved;
import io.storedesk.pos.drawer.DrawerClosed;
import io.storedesk.pos.loyalty.LoyaltyEntryPosted;
import io.storedesk.pos.report.ZReport;
import io.storedesk.pos.report.ZReportIssued;
import io.storedesk.pos.returns.ReturnCompleted;
import io.storedesk.pos.returns.ReturnView;
import io.storedesk.pos.sale.SaleCompleted;
import io.storedesk.pos.sale.SaleView;
import io.storedesk.pos.sale.SaleVoided;
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
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("receiptNumber", sale.receiptNumber());
        p.put("storeId", sale.storeId());
        p.put("registerId", sale.registerId());
        p.put("drawerId", sale.drawerId());
        p.put("businessDate", sale.businessDate().toString());
        p.put("hour", "%02d".formatted(sale.completedAt().atZone(store.zone()).getHour()));
        p.put("clerk", sale.clerk());
        p.put("completedAt", sale.completedAt().toString());
        p.put("currency", sale.currency());
        p.put("subtotal", subtotal(sale));
        p.put("discountTotal", sale.discountTotal());
        p.put("total", sale.total());
        p.put("taxTotal", sale.taxTotal());
        p.put("cashRounding", sale.cashRounding());
        if (sale.loyaltyCard() != null) {
            p.put("loyaltyCard", sale.loyaltyCard());
        }
        List<Map<String, Object>> lines = new ArrayList<>(sale.lines().size());
        for (SaleView.Line l : sale.lines()) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("lineNo", l.lineNo());
            line.put("sku", l.sku());
            line.put("department", l.department());
            line.put("quantity", l.quantity());
            line.put("unitPrice", l.unitPrice());
            line.put("discount", l.discount());
            line.put("net", l.net());
            line.put("tax", l.tax());
            line.put("taxRate", l.taxRate());
            lines.add(line);
        }
        p.put("lines", lines);
        p.put("tenders", sale.tenders().stream().map(t -> tender(t.type(), t.amount())).toList());
        record("SALE_COMPLETED", sale.completedAt(), p);
    }

    @EventListener
    void on(SaleVoided v) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("receiptNumber", v.receiptNumber());
        p.put("storeId", v.storeId());
        p.put("registerId", v.registerId());
        p.put("businessDate", v.businessDate().toString());
        p.put("voidedBy", v.voidedBy());
        p.put("approvedBy", v.approvedBy());
        p.put("reason", v.reason());
        p.put("voidedAt", v.voidedAt().toString());
        p.put("currency", v.currency());
        p.put("total", v.total());
        record("SALE_VOIDED", v.voidedAt(), p);
    }

    @EventListener
    void on(ReturnCompleted r) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("returnNumber", r.returnNumber());
        if (r.receiptNumber() != null) {
            p.put("receiptNumber", r.receiptNumber());
        }
        p.put("storeId", store.id());
        p.put("registerId", r.registerId());
        p.put("drawerId", r.drawerId());
        p.put("businessDate", r.businessDate().toString());
        p.put("clerk", r.clerk());
        p.put("currency", r.currency());
        p.put("refundTotal", r.refundTotal());
        p.put("cashRounding", r.cashRounding());
        List<Map<String, Object>> lines = new ArrayList<>(r.lines().size());
        for (ReturnView.Line l : r.lines()) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("lineNo", l.lineNo());
            line.put("sku", l.sku());
            String department = l.sku() == null ? null : catalog.find(l.sku()).map(CatalogItem::department).orElse(null);
            if (department != null) {
                line.put("department", department);
            }
            line.put("quantity", l.quantity());
            line.put("reason", l.reason());
            line.put("refund", l.refund());
            lines.add(line);
        }
        p.put("lines", lines);
        p.put("refunds", r.refunds().stream().map(f -> tender(f.type(), f.amount())).toList());
        record("RETURN_COMPLETED", clock.instant(), p);
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

    private void record(String type, Instant occurredAt, Map<String, Object> payload) {
        outbox.add(type, occurredAt, json.writeValueAsString(payload));
    }

    /** Unit price x quantity over the lines, before discounts (the sale's subtotal). */
    private static String subtotal(SaleCompleted sale) {
        BigDecimal sum = BigDecimal.ZERO;
        for (SaleView.Line l : sale.lines()) {
            sum = sum.add(new BigDecimal(l.unitPrice()).multiply(BigDecimal.valueOf(l.quantity())));
        }
        int digits = Currency.getInstance(sale.currency()).getDefaultFractionDigits();
        return sum.setScale(Math.max(digits, 0), java.math.RoundingMode.HALF_UP).toPlainString();
    }

    private static Map<String, Object> tender(String type, String amount) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("type", type);
        t.put("amount", amount);
        return t;
    }
}
