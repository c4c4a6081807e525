package io.storedesk.pos.headoffice.internal;

import java.sql.Date;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Adds a batch's new sales, post-voids and returns to the report projections, with one JDBC batch
 * multi-row INSERT per table and up to 100 rows. A sale, void or return the projection already holds (the same document sent again
 * under another event id) is kept as an event but projected once.
 */
@Component
@Profile("head-office")
class ProjectionWriter {

    private final JdbcTemplate jdbc;

    ProjectionWriter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void write(String storeId, List<StoreEvent> events) {
        Map<String, Projected.Sale> sales = new LinkedHashMap<>();
        Map<String, Projected.Void> voids = new LinkedHashMap<>();
        Map<String, Projected.Return> returns = new LinkedHashMap<>();
        for (StoreEvent e : events) {
            if (e.projection() instanceof Projected.Sale s) {
                sales.putIfAbsent(s.receiptNumber(), s);
            } else if (e.projection() instanceof Projected.Void v) {
                voids.putIfAbsent(v.receiptNumber(), v);
            } else if (e.projection() instanceof Projected.Return r) {
                returns.putIfAbsent(r.returnNumber(), r);
            }
        }
        writeSales(storeId, sales);
        writeVoids(storeId, voids);
        writeReturns(storeId, returns);
    }

    private void writeSales(String storeId, Map<String, Projected.Sale> sales) {
        sales.keySet().removeAll(Rows.existing(jdbc, "ho_sale", storeId, "receipt_number", sales.keySet()));
        if (sales.isEmpty()) {
            return;
        }
        List<Object[]> heads = new ArrayList<>();
        List<Object[]> lines = new ArrayList<>();
        List<Object[]> tenders = new ArrayList<>();
        for (Projected.Sale s : sales.values()) {
            heads.add(new Object[] {storeId, s.receiptNumber(), Date.valueOf(s.businessDate()), s.hour(),
                    Rows.text(s.registerId()), Rows.text(s.clerk()), s.currency(), s.subtotal(), s.discountTotal(),
                    s.total(), s.taxTotal(), s.cashRounding(), Rows.text(s.loyaltyCard())});
            Set<Integer> lineNos = new java.util.HashSet<>();
            for (Projected.Line l : s.lines()) {
                if (lineNos.add(l.lineNo())) {
                    lines.add(new Object[] {storeId, s.receiptNumber(), l.lineNo(), Rows.text(l.sku()), l.department(),
                            l.quantity(), Rows.decimal(l.unitPrice()), Rows.decimal(l.discount()), l.net(), l.tax(),
                            l.taxRate()});
                }
            }
            int n = 0;
            for (Projected.Tender t : s.tenders()) {
                tenders.add(new Object[] {storeId, s.receiptNumber(), ++n, t.type(), t.amount()});
            }
        }
        Rows.insert(jdbc, "ho_sale", "store_id, receipt_number, business_date, sale_hour, register_id, clerk, "
                + "currency, subtotal, discount_total, total, tax_total, cash_rounding, loyalty_card", heads);
        Rows.insert(jdbc, "ho_sale_line", "store_id, receipt_number, line_no, sku, department, quantity, "
                + "unit_price, discount, net, tax, tax_rate", lines);
        Rows.insert(jdbc, "ho_sale_tender", "store_id, receipt_number, tender_no, type, amount", tenders);
    }

    private void writeVoids(String storeId, Map<String, Projected.Void> voids) {
        voids.keySet().removeAll(Rows.existing(jdbc, "ho_void", storeId, "receipt_number", voids.keySet()));
        if (voids.isEmpty()) {
            return;
        }
        Rows.insert(jdbc, "ho_void", "store_id, receipt_number, business_date, currency, total, voided_by",
                voids.values().stream().map(v -> new Object[] {storeId, v.receiptNumber(),
                        Date.valueOf(v.businessDate()), v.currency(), v.total(), Rows.text(v.voidedBy())}).toList());
    }

    private void writeReturns(String storeId, Map<String, Projected.Return> returns) {
        returns.keySet().removeAll(Rows.existing(jdbc, "ho_return", storeId, "return_number", returns.keySet()));
        if (returns.isEmpty()) {
            return;
        }
        List<Object[]> refunds = new ArrayList<>();
        for (Projected.Return r : returns.values()) {
            int n = 0;
            for (Projected.Tender t : r.refunds()) {
                refunds.add(new Object[] {storeId, r.returnNumber(), ++n, t.type(), t.amount()});
            }
        }
        Rows.insert(jdbc, "ho_return", "store_id, return_number, receipt_number, business_date, currency, "
                + "refund_total, cash_rounding", returns.values().stream()
                        .map(r -> new Object[] {storeId, r.returnNumber(), Rows.text(r.receiptNumber()),
                                Date.valueOf(r.businessDate()), r.currency(), r.refundTotal(), r.cashRounding()})
                        .toList());
        Rows.insert(jdbc, "ho_return_refund", "store_id, return_number, refund_no, type, amount", refunds);
    }
}
