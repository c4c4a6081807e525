package io.storedesk.pos.returns;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A completed return as the API and other modules see it. Amounts are strings ("12.30");
 * {@code cashRounding} is what rounding the cash refund to the smallest coin added (or took).
 * {@code receiptNumber} is null for a return without a receipt; {@code exchangeReceipt} names
 * the new sale of an exchange. {@code pointsSpent} is the value kept back from the refund for loyalty
 * points the sale earned that the customer already spent (negative, "-1.81"), or null.
 */
public record ReturnView(
        String returnNumber,
        String receiptNumber,
        String registerId,
        String drawerId,
        LocalDate businessDate,
        OffsetDateTime completedAt,
        String clerk,
        String approvedBy,
        String currency,
        String refundMethod,
        String refundTotal,
        String cashRounding,
        List<Refund> refunds,
        List<Line> lines,
        String exchangeReceipt,
        String pointsSpent) {

    /**
     * A training return (ADR 0005) in this shape, for its printed slip: nothing approved, no exchange, no
     * points kept back. It is no return of the books: only the training till's documents are made into one.
     */
    public static ReturnView ofTraining(io.storedesk.pos.sale.TrainingTill.TrainingReturn t) {
        return new ReturnView(t.returnNumber(), t.receiptNumber(), t.registerId(), t.drawerId(), t.businessDate(),
                t.completedAt(), t.clerk(), null, t.currency(), t.refundMethod(), t.refundTotal(),
                t.cashRounding() == null ? "0.00" : t.cashRounding(),
                t.refunds().stream().map(r -> new Refund(r.type(), r.amount(), r.maskedPan(), null)).toList(),
                t.lines().stream().map(l -> new Line(l.lineNo(), l.sku(), l.quantity(), l.reason(),
                        Boolean.TRUE.equals(l.restock()), l.refund())).toList(),
                null, null);
    }

    /** A returned line: how many units, why, whether they go back on the shelf, and their refund (net paid). */
    public record Line(int lineNo, String sku, int quantity, String reason, boolean restock, String refund) {

        /** The line's refund as a number, for arithmetic in other modules (the JSON keeps the string, {@link #refund()}). */
        @com.fasterxml.jackson.annotation.JsonIgnore
        public java.math.BigDecimal refundAmount() {
            return new java.math.BigDecimal(refund);
        }
    }

    /**
     * Money paid back, by tender type (CASH, CARD, STORE_CREDIT, LOYALTY_POINTS, EXCHANGE); card
     * refunds name the masked card only; store credit names the code it went to.
     */
    public record Refund(String type, String amount, String maskedPan, String storeCreditCode) {
    }
}
