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

    /** A returned line: how many units, why, whether they go back on the shelf, and their refund (net paid). */
    public record Line(int lineNo, String sku, int quantity, String reason, boolean restock, String refund) {
    }

    /**
     * Money paid back, by tender type (CASH, CARD, STORE_CREDIT, LOYALTY_POINTS, EXCHANGE); card
     * refunds name the masked card only; store credit names the code it went to.
     */
    public record Refund(String type, String amount, String maskedPan, String storeCreditCode) {
    }
}
