package io.storedesk.pos.sale;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

import io.storedesk.pos.common.Money;

/**
 * Spreads a basket discount over lines pro rata by line value, rounding each share down to
 * minor units and giving the remainder to the largest line (then the next largest, should the
 * largest be used up), so shares always sum exactly to the discount and no line goes below zero.
 */
public final class DiscountAllocator {

    private DiscountAllocator() {
    }

    public static List<Money> allocate(Money discount, List<Money> lineValues) {
        Money total = lineValues.stream().reduce(Money.zero(discount.currency()), Money::plus);
        if (discount.isNegative() || discount.isGreaterThan(total)) {
            throw new IllegalArgumentException("discount %s outside 0..%s".formatted(discount, total));
        }
        List<Money> shares = new ArrayList<>(lineValues.size());
        Money allocated = Money.zero(discount.currency());
        int scale = discount.currency().getDefaultFractionDigits();
        for (Money value : lineValues) {
            Money share = total.isZero() ? Money.zero(discount.currency())
                    : Money.of(discount.amount().multiply(value.amount())
                            .divide(total.amount(), scale, RoundingMode.DOWN), discount.currency());
            shares.add(share);
            allocated = allocated.plus(share);
        }
        Money remainder = discount.minus(allocated);
        List<Integer> bySize = IntStream.range(0, lineValues.size()).boxed()
                .sorted(Comparator.comparing((Integer i) -> lineValues.get(i)).reversed()).toList();
        for (int i : bySize) {
            if (remainder.isZero()) {
                break;
            }
            Money room = lineValues.get(i).minus(shares.get(i));
            Money extra = room.min(remainder);
            shares.set(i, shares.get(i).plus(extra));
            remainder = remainder.minus(extra);
        }
        return shares;
    }

}
