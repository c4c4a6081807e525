package io.storedesk.pos.sale.internal;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores a new sale with one statement per table (its lines, tenders and promotions as JDBC
 * batches) in the caller's transaction. A sale is written once and never changed, so it needs
 * none of the persistence context's change tracking; {@link SaleRepository} reads it back.
 */
@Component
class SaleWriter {

    private final JdbcTemplate jdbc;

    SaleWriter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void insert(Sale s) {
        jdbc.update("INSERT INTO sale (id, receipt_number, store_id, register_id, register_seq, drawer_id, business_date, "
                        + "clerk, completed_at, currency, subtotal, discount_total, tax_total, total, cash_rounding, "
                        + "change_given, loyalty_card, points_earned, tax_exempt_reason, tax_exempt_document, tax_exempt_approved_by, "
                        + "tax_not_charged) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                s.id(), s.receiptNumber(), s.storeId(), s.registerId(), s.registerSeq(), s.drawerId(), s.businessDate(),
                s.clerk(), s.completedAt().atOffset(ZoneOffset.UTC), s.currency(), s.subtotal(), s.discountTotal(),
                s.taxTotal(), s.total(), s.cashRounding(), s.changeGiven(), s.loyaltyCard(), s.pointsEarned(),
                s.taxExemptReason(), s.taxExemptDocument(), s.taxExemptApprovedBy(), s.taxNotCharged());
        batch("INSERT INTO sale_line (sale_id, line_no, sku, name, department, quantity, unit_price, line_value, "
                + "discount, net, tax, tax_rate, tax_letter, tax_exempt, price_version, gift_card, gift_card_kind, "
                + "gift_card_op, gift_card_balance) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                s.lines(),
                (ps, l) -> {
                    ps.setObject(1, s.id());
                    ps.setInt(2, l.lineNo);
                    ps.setString(3, l.sku);
                    ps.setString(4, l.name);
                    ps.setString(5, l.department);
                    ps.setInt(6, l.quantity);
                    ps.setBigDecimal(7, l.unitPrice);
                    ps.setBigDecimal(8, l.value);
                    ps.setBigDecimal(9, l.discount);
                    ps.setBigDecimal(10, l.net);
                    ps.setBigDecimal(11, l.tax);
                    ps.setBigDecimal(12, l.taxRate);
                    ps.setString(13, l.taxLetter);
                    ps.setBoolean(14, l.taxExempt);
                    ps.setObject(15, l.priceVersion, java.sql.Types.BIGINT);
                    ps.setString(16, l.giftCard); // masked: the number is never stored
                    ps.setString(17, l.giftCardKind);
                    ps.setString(18, l.giftCardOp);
                    ps.setBigDecimal(19, l.giftCardBalance);
                });
        batch("INSERT INTO sale_tender (sale_id, tender_no, type, amount, tendered, reference, masked_pan, brand, "
                + "auth_code, rrn, balance_after) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", s.tenders(), (ps, t) -> {
                    ps.setObject(1, s.id());
                    ps.setInt(2, t.tenderNo);
                    ps.setString(3, t.type);
                    ps.setBigDecimal(4, t.amount);
                    if (t.tendered == null) {
                        ps.setNull(5, Types.NUMERIC);
                    } else {
                        ps.setBigDecimal(5, t.tendered);
                    }
                    ps.setString(6, t.reference);
                    ps.setString(7, t.maskedPan);
                    ps.setString(8, t.brand);
                    ps.setString(9, t.authCode);
                    ps.setString(10, t.rrn);
                    if (t.balanceAfter == null) {
                        ps.setNull(11, Types.NUMERIC);
                    } else {
                        ps.setBigDecimal(11, t.balanceAfter);
                    }
                });
        batch("INSERT INTO sale_promotion (receipt_number, seq, code, description, amount) VALUES (?, ?, ?, ?, ?)",
                s.promotions(), (ps, p) -> {
                    ps.setString(1, s.receiptNumber());
                    ps.setInt(2, p.seq);
                    ps.setString(3, p.code);
                    ps.setString(4, p.description);
                    ps.setBigDecimal(5, p.amount);
                });
        batch("INSERT INTO sale_discount (receipt_number, seq, kind, line_no, reason, percent, amount, was_price, "
                + "approved_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", s.discounts(), (ps, d) -> {
                    ps.setString(1, s.receiptNumber());
                    ps.setInt(2, d.seq);
                    ps.setString(3, d.kind);
                    ps.setInt(4, d.lineNo);
                    ps.setString(5, d.reason);
                    ps.setObject(6, d.percent, Types.NUMERIC);
                    ps.setBigDecimal(7, d.amount);
                    ps.setObject(8, d.wasPrice, Types.NUMERIC);
                    ps.setString(9, d.approvedBy);
                });
        s.markStored();
    }

    private interface RowSetter<T> {
        void set(PreparedStatement ps, T row) throws SQLException;
    }

    private <T> void batch(String sql, List<T> rows, RowSetter<T> setter) {
        if (rows.isEmpty()) {
            return;
        }
        jdbc.batchUpdate(sql, new BatchPreparedStatementSetter() {
            @Override
            public void setValues(PreparedStatement ps, int i) throws SQLException {
                setter.set(ps, rows.get(i));
            }

            @Override
            public int getBatchSize() {
                return rows.size();
            }
        });
    }
}
