package io.storedesk.pos.promotion;

import java.util.Map;

import io.storedesk.pos.common.Money;

/**
 * A promotion the basket earned and what it is worth.
 *
 * @param lines how the amount falls on line numbers (sums exactly to {@code amount}); empty for a
 *              basket-wide promotion, which the caller allocates pro rata over all lines
 */
public record AppliedPromotion(String code, String description, Money amount, Map<Integer, Money> lines) {

    public AppliedPromotion {
        lines = Map.copyOf(lines);
    }

    public boolean basketWide() {
        return lines.isEmpty();
    }
}
