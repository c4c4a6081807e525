package io.storedesk.pos.returns;

import java.math.BigDecimal;
import java.util.Map;

/**
 * Earned loyalty points that a return takes back and that the customer has already spent,
 * implemented by the module that keeps the points (optional bean). The return keeps their value
 * back from the refund instead of driving the card's balance below zero (docs/locking.md).
 */
public interface EarnedPointsSpent {

    /**
     * @param receiptNumber the sale returned
     * @param refunds       line number -> what this return refunds for that line
     * @param lock          take the card's lock (lock 7 of docs/locking.md) in the caller's
     *                      transaction, so the answer holds until it commits
     * @return the points the card is short of, and their value at {@code pos.loyalty.point-value}
     *         in the sale's currency (rounded half up to minor units); {@link Shortfall#NONE} when none
     */
    Shortfall shortfall(String receiptNumber, Map<Integer, BigDecimal> refunds, boolean lock);

    record Shortfall(long points, BigDecimal value) {
        public static final Shortfall NONE = new Shortfall(0, BigDecimal.ZERO);
    }
}
