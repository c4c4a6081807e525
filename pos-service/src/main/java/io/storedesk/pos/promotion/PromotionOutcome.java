package io.storedesk.pos.promotion;

import java.util.List;
import java.util.Map;

import io.storedesk.pos.common.Money;

/**
 * The engine's answer: discount per line number (item, department and department-threshold
 * promotions, never more than the line is worth), a basket-wide discount to spread pro rata over
 * all lines, and the promotions applied, in the order they were applied. The applied amounts sum
 * to the line discounts plus the basket discount.
 */
public record PromotionOutcome(Map<Integer, Money> lineDiscounts, Money basketDiscount, List<AppliedPromotion> applied,
        long setVersion) {

    public PromotionOutcome {
        lineDiscounts = Map.copyOf(lineDiscounts);
        applied = List.copyOf(applied);
    }

    public Money total() {
        return lineDiscounts.values().stream().reduce(basketDiscount, Money::plus);
    }
}
