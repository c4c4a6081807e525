package io.storedesk.pos.sync.internal;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.storedesk.pos.returns.ReturnCompleted;
import io.storedesk.pos.returns.ReturnView;
import io.storedesk.pos.sale.SaleCompleted;
import io.storedesk.pos.sale.SaleView;
import io.storedesk.pos.sale.SaleVoided;

/** The protocol payloads of sales, post-voids and returns (docs/sync-protocol.md); amounts stay strings. */
final class DocumentPayloads {

    private DocumentPayloads() {
    }

    static Map<String, Object> sale(SaleCompleted sale, ZoneId zone) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("receiptNumber", sale.receiptNumber());
        p.put("storeId", sale.storeId());
        p.put("registerId", sale.registerId());
        p.put("drawerId", sale.drawerId());
        p.put("businessDate", sale.businessDate().toString());
        p.put("hour", "%02d".formatted(sale.completedAt().atZone(zone).getHour()));
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
            if (l.giftCard() != null) { // a gift card sold or reloaded (issue 26): the kind only, never the number
                line.put("giftCard", l.giftCard().kind());
            }
            lines.add(line);
        }
        p.put("lines", lines);
        p.put("tenders", sale.tenders().stream().map(t -> tender(t.type(), t.amount())).toList());
        if (sale.taxExemption() != null) { // the reason, the exempt lines and their net; not the customer's document
            SaleView.TaxExemption e = sale.taxExemption();
            Map<String, Object> exemption = new LinkedHashMap<>();
            exemption.put("reason", e.reason());
            exemption.put("lineNos", e.lineNos());
            exemption.put("net", e.net());
            exemption.put("taxNotCharged", e.taxNotCharged());
            exemption.put("approvedBy", e.approvedBy());
            p.put("taxExemption", exemption);
        }
        if (sale.discounts() != null && !sale.discounts().isEmpty()) { // issue 24: head office sums them by reason and clerk
            p.put("manualDiscounts", sale.discounts().stream().map(d -> {
                Map<String, Object> discount = new LinkedHashMap<>();
                discount.put("kind", d.kind());
                discount.put("lineNo", d.lineNo());
                discount.put("reason", d.reason());
                discount.put("amount", d.amount());
                return discount;
            }).toList());
        }
        return p;
    }

    static Map<String, Object> voided(SaleVoided v) {
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
        return p;
    }

    static Map<String, Object> returned(ReturnCompleted r, String storeId, Function<String, String> departmentOf) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("returnNumber", r.returnNumber());
        if (r.receiptNumber() != null) {
            p.put("receiptNumber", r.receiptNumber());
        }
        p.put("storeId", storeId);
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
            String department = l.sku() == null ? null : departmentOf.apply(l.sku());
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
        return p;
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

    static Map<String, Object> tender(String type, String amount) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("type", type);
        t.put("amount", amount);
        return t;
    }
}
