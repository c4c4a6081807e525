package io.storedesk.pos.sale;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;

import io.storedesk.pos.common.Money;

/**
 * What a clerk changed by hand on a basket: price overrides and discounts per line number, and a
 * discount on the whole sale, each with its reason code. {@link BasketPricer} applies them after the
 * promotions (docs/api-guide.md, "Price overrides and manual discounts").
 */
public record ManualDiscounts(Map<Integer, PriceChange> overrides, Map<Integer, Reduction> lines,
        Reduction transaction) {

    public static final ManualDiscounts NONE = new ManualDiscounts(Map.of(), Map.of(), null);

    public ManualDiscounts {
        overrides = Map.copyOf(overrides);
        lines = Map.copyOf(lines);
    }

    /** A new unit price and why. */
    public record PriceChange(Money price, String reason) {
    }

    /** A discount: {@code percent} of what it applies to, or a fixed {@code amount}; one of them is null. */
    public record Reduction(BigDecimal percent, Money amount, String reason) {

        /** The discount on {@code base}: percent rounded HALF_UP to minor units, never more than {@code base}. */
        public Money of(Money base) {
            Money discount = percent != null
                    ? Money.rounded(base.amount().multiply(percent).divide(BigDecimal.valueOf(100)), base.currency())
                    : amount;
            return discount.max(Money.zero(base.currency())).min(base);
        }
    }

    /** The unit price a line is sold at before discounts: the override, else the catalogue price. */
    public Money unitPrice(BasketLine line) {
        PriceChange change = overrides.get(line.lineNo());
        return change != null ? change.price() : line.item().price();
    }

    public boolean isEmpty() {
        return overrides.isEmpty() && lines.isEmpty() && transaction == null;
    }

    static BigDecimal percentOf(Money part, Money whole) {
        return whole.isZero() ? BigDecimal.ZERO
                : part.amount().multiply(BigDecimal.valueOf(100)).divide(whole.amount(), 2, RoundingMode.HALF_UP);
    }
}
