package io.storedesk.pos.returns.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.storedesk.pos.common.Money;
import io.storedesk.pos.returns.ReturnView;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores completed returns (return, lines, refunds; never updated afterwards) and answers what
 * earlier returns of a sale already paid back, by plain JDBC.
 */
@Component
class ReturnStore {

    private final JdbcClient jdbc;

    ReturnStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A refund as shown, with the card transaction it made and the sale tender it went back to. */
    record StoredRefund(ReturnView.Refund view, String cardReference, String originalReference) {
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void insert(UUID id, long registerSeq, String storeId, ReturnView r, List<StoredRefund> refunds, String customerRef) {
        jdbc.sql("INSERT INTO sale_return (id, return_number, receipt_number, store_id, register_id, register_seq, "
                        + "drawer_id, business_date, clerk, approved_by, completed_at, currency, refund_method, "
                        + "refund_total, cash_rounding, customer_ref, exchange_receipt, points_spent) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(id, r.returnNumber(), r.receiptNumber(), storeId, r.registerId(), registerSeq, r.drawerId(),
                        r.businessDate(), r.clerk(), r.approvedBy(), r.completedAt(), r.currency(), r.refundMethod(),
                        new BigDecimal(r.refundTotal()), new BigDecimal(r.cashRounding()), customerRef,
                        r.exchangeReceipt(), r.pointsSpent() == null ? null : new BigDecimal(r.pointsSpent()))
                .update();
        for (ReturnView.Line l : r.lines()) {
            jdbc.sql("INSERT INTO sale_return_line (return_id, line_no, sku, quantity, reason, restock, refund) "
                            + "VALUES (?, ?, ?, ?, ?, ?, ?)")
                    .params(id, l.lineNo(), l.sku(), l.quantity(), l.reason(), l.restock(), new BigDecimal(l.refund()))
                    .update();
        }
        for (int i = 0; i < refunds.size(); i++) {
            StoredRefund f = refunds.get(i);
            jdbc.sql("INSERT INTO sale_return_refund (return_id, refund_no, type, amount, masked_pan, card_reference, "
                            + "original_reference, store_credit_code) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(id, i + 1, f.view().type(), new BigDecimal(f.view().amount()), f.view().maskedPan(),
                            f.cardReference(), f.originalReference(), f.view().storeCreditCode())
                    .update();
        }
    }

    /** Reference of a sale's non-cash tender (card transaction, store-credit code...) -> what returns refunded to it so far. */
    Map<String, Money> refundedToTenders(String receiptNumber, Currency currency) {
        Map<String, Money> refunded = new HashMap<>();
        jdbc.sql("SELECT f.original_reference, SUM(f.amount) FROM sale_return_refund f JOIN sale_return r "
                        + "ON r.id = f.return_id WHERE r.receipt_number = ? AND f.type IN ('CARD', 'STORE_CREDIT', "
                        + "'LOYALTY_POINTS') AND f.original_reference IS NOT NULL GROUP BY f.original_reference")
                .param(receiptNumber)
                .query(rs -> {
                    refunded.put(rs.getString(1), Money.of(rs.getBigDecimal(2), currency));
                });
        return refunded;
    }

    /** What returns without a receipt refunded to this customer in the month of {@code day}. */
    Money refundedWithoutReceipt(String customerRef, java.time.LocalDate day, Currency currency) {
        BigDecimal sum = jdbc.sql("SELECT COALESCE(SUM(refund_total), 0) FROM sale_return WHERE customer_ref = ? "
                        + "AND receipt_number IS NULL AND business_date BETWEEN ? AND ?")
                .params(customerRef, day.withDayOfMonth(1), day.withDayOfMonth(day.lengthOfMonth()))
                .query(BigDecimal.class).single();
        return Money.of(sum, currency);
    }

    /** Makes sure the customer's lock row exists; in a transaction of its own, before the return's. */
    void ensureCustomer(String customerRef) {
        if (jdbc.sql("SELECT COUNT(*) FROM return_customer WHERE customer_ref = ?").param(customerRef)
                .query(Long.class).single() == 0) {
            try {
                jdbc.sql("INSERT INTO return_customer (customer_ref) VALUES (?)").param(customerRef).update();
            } catch (org.springframework.dao.DataIntegrityViolationException raced) {
                // another return made it first: just as good
            }
        }
    }

    /** Lock 5 of docs/locking.md: the customer's row, until the caller's transaction ends. */
    @Transactional(propagation = Propagation.MANDATORY)
    void lockCustomer(String customerRef) {
        jdbc.sql("SELECT customer_ref FROM return_customer WHERE customer_ref = ? FOR UPDATE").param(customerRef)
                .query(String.class).optional();
    }

    /** Cash refunded by receipted returns to this customer (a sale's loyalty card) since {@code since}. */
    Money cashRefundedToCustomer(String customerRef, LocalDate since, Currency currency) {
        BigDecimal sum = jdbc.sql("SELECT COALESCE(SUM(f.amount), 0) FROM sale_return_refund f JOIN sale_return r "
                        + "ON r.id = f.return_id WHERE r.customer_ref = ? AND r.receipt_number IS NOT NULL "
                        + "AND r.business_date >= ? AND f.type = 'CASH'")
                .params(customerRef, since).query(BigDecimal.class).single();
        return Money.of(sum, currency);
    }

    RefundPlan.EarlierCash earlierCash(String receiptNumber, Currency currency) {
        BigDecimal paid = jdbc.sql("SELECT COALESCE(SUM(f.amount), 0) FROM sale_return_refund f JOIN sale_return r "
                        + "ON r.id = f.return_id WHERE r.receipt_number = ? AND f.type = 'CASH'")
                .param(receiptNumber).query(BigDecimal.class).single();
        BigDecimal rounding = jdbc.sql("SELECT COALESCE(SUM(cash_rounding), 0) FROM sale_return WHERE receipt_number = ?")
                .param(receiptNumber).query(BigDecimal.class).single();
        return new RefundPlan.EarlierCash(Money.of(paid, currency), Money.of(rounding, currency));
    }

    @Transactional(readOnly = true)
    Optional<ReturnView> find(String returnNumber) {
        record Head(UUID id, ReturnView view) {
        }
        return jdbc.sql("SELECT id, return_number, receipt_number, register_id, drawer_id, business_date, completed_at, "
                        + "clerk, approved_by, currency, refund_method, refund_total, cash_rounding, exchange_receipt, "
                        + "points_spent FROM sale_return "
                        + "WHERE return_number = ?")
                .param(returnNumber)
                .query((rs, n) -> {
                    Currency currency = Currency.getInstance(rs.getString(10));
                    return new Head(rs.getObject(1, UUID.class), new ReturnView(rs.getString(2), rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getObject(6, LocalDate.class),
                            rs.getObject(7, OffsetDateTime.class).withOffsetSameInstant(ZoneOffset.UTC),
                            rs.getString(8), rs.getString(9), currency.getCurrencyCode(), rs.getString(11),
                            str(rs.getBigDecimal(12), currency), str(rs.getBigDecimal(13), currency), null, null,
                            rs.getString(14), rs.getBigDecimal(15) == null ? null : str(rs.getBigDecimal(15), currency)));
                })
                .optional()
                .map(h -> withDetails(h.id(), h.view()));
    }

    private ReturnView withDetails(UUID id, ReturnView v) {
        Currency currency = Currency.getInstance(v.currency());
        List<ReturnView.Line> lines = jdbc.sql("SELECT line_no, sku, quantity, reason, restock, refund "
                        + "FROM sale_return_line WHERE return_id = ? ORDER BY line_no")
                .param(id)
                .query((rs, n) -> new ReturnView.Line(rs.getInt(1), rs.getString(2), rs.getInt(3), rs.getString(4),
                        rs.getBoolean(5), str(rs.getBigDecimal(6), currency)))
                .list();
        List<ReturnView.Refund> refunds = jdbc.sql("SELECT type, amount, masked_pan, store_credit_code FROM sale_return_refund "
                        + "WHERE return_id = ? ORDER BY refund_no")
                .param(id)
                .query((rs, n) -> new ReturnView.Refund(rs.getString(1), str(rs.getBigDecimal(2), currency),
                        rs.getString(3), rs.getString(4)))
                .list();
        return new ReturnView(v.returnNumber(), v.receiptNumber(), v.registerId(), v.drawerId(), v.businessDate(),
                v.completedAt(), v.clerk(), v.approvedBy(), v.currency(), v.refundMethod(), v.refundTotal(),
                v.cashRounding(), refunds, lines, v.exchangeReceipt(), v.pointsSpent());
    }

    private static String str(BigDecimal amount, Currency currency) {
        return Money.of(amount, currency).toString();
    }
}
