package io.storedesk.pos.sale;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.storedesk.pos.common.Money;

/**
 * Prices a basket: line values, line discounts (capped at the line's value), a basket discount
 * allocated over what is left of each line, then each line's paid amount and tax. Pure: the
 * same basket always prices the same.
 */
public final class BasketPricer {

    private final TaxPolicy taxPolicy;

    public BasketPricer(TaxPolicy taxPolicy) {
        this.taxPolicy = taxPolicy;
    }

    /**
     * @param lineDiscounts  discount per line number (e.g. item promotions)
     * @param basketDiscount discount on the whole basket, allocated pro rata; capped at what is left
     */
    public PricedBasket price(List<BasketLine> lines, Map<Integer, Money> lineDiscounts, Money basketDiscount) {
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("empty basket");
        }
        Money zero = Money.zero(lines.get(0).item().price().currency());
        List<Money> values = new ArrayList<>();
        List<Money> afterLineDiscounts = new ArrayList<>();
        for (BasketLine l : lines) {
            Money value = l.item().price().times(l.quantity());
            Money lineDiscount = lineDiscounts.getOrDefault(l.lineNo(), zero).max(zero).min(value);
            values.add(value);
            afterLineDiscounts.add(value.minus(lineDiscount));
        }
        Money left = afterLineDiscounts.stream().reduce(zero, Money::plus);
        List<Money> basketShares = DiscountAllocator.allocate(basketDiscount.max(zero).min(left), afterLineDiscounts);
        List<PricedLine> priced = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            BasketLine l = lines.get(i);
            Money amount = afterLineDiscounts.get(i).minus(basketShares.get(i));
            Money discount = values.get(i).minus(amount);
            var rate = l.item().taxCategory().rate();
            priced.add(new PricedLine(l.lineNo(), l.item().sku(), l.item().name(), l.item().department(),
                    l.quantity(), l.item().price(), values.get(i), discount, taxPolicy.paid(amount, rate),
                    taxPolicy.taxOf(amount, rate), rate, l.item().taxCategory().letter()));
        }
        return PricedBasket.of(priced, zero);
    }
}
