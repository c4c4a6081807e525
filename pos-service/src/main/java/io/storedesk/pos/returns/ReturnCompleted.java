package io.storedesk.pos.returns;

import java.time.LocalDate;
import java.util.List;

/**
 * A return was completed; published in the return's transaction. Amounts are strings as the API writes them; {@link ReturnView.Line#refundAmount()} and
 * {@link #pointsSpentAmount()} give them as numbers.
 * {@code earnedPointsSpent} points the sale earned were already spent; their value, {@code pointsSpent}
 * (negative, or null), was kept back from the refund, and the points module books them as repaid.
 */
public record ReturnCompleted(
        String returnNumber,
        String receiptNumber,
        String registerId,
        String drawerId,
        LocalDate businessDate,
        String clerk,
        String currency,
        String refundTotal,
        String cashRounding,
        List<ReturnView.Line> lines,
        List<ReturnView.Refund> refunds,
        long earnedPointsSpent,
        String pointsSpent) {

    /** {@code pointsSpent} as a number (negative), or null: for arithmetic in the points module. */
    public java.math.BigDecimal pointsSpentAmount() {
        return pointsSpent == null ? null : new java.math.BigDecimal(pointsSpent);
    }
}
