package io.storedesk.pos.sale;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.storedesk.pos.common.Money;

/**
 * Prices a basket: line values (at the overridden unit price where the clerk overrode it), line
 * discounts (capped at the line's value), a basket discount allocated over what is left of each
 * line, then the manual line discounts on what the promotions left, then a manual transaction
 * discount allocated over what is left of each line, then each line's paid amount and tax. Pure:
 * the same basket always prices the same.
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
        return price(lines, lineDiscounts, basketDiscount, ManualDiscounts.NONE);
    }

    /** As above, then the clerk's {@code manual} overrides (already in the unit price) and discounts. */
    public PricedBasket price(List<BasketLine> lines, Map<Integer, Money> lineDiscounts, Money basketDiscount,
            ManualDiscounts manual) {
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("empty basket");
        }
        Money zero = Money.zero(lines.get(0).item().price().currency());
        List<PricedBasket.Manual> applied = new ArrayList<>();
        List<Money> values = new ArrayList<>();
        List<Money> afterLineDiscounts = new ArrayList<>();
        for (BasketLine l : lines) {
            Money value = manual.unitPrice(l).times(l.quantity());
            Money lineDiscount = lineDiscounts.getOrDefault(l.lineNo(), zero).max(zero).min(value);
            values.add(value);
            afterLineDiscounts.add(value.minus(lineDiscount));
            ManualDiscounts.PriceChange change = manual.overrides().get(l.lineNo());
            if (change != null) {
                Money listValue = l.item().price().times(l.quantity());
                applied.add(new PricedBasket.Manual(PricedBasket.ManualKind.OVERRIDE, l.lineNo(), change.reason(), null,
                        listValue.minus(value), listValue, l.item().price(), null));
            }
        }
        Money left = sum(afterLineDiscounts, zero);
        List<Money> basketShares = DiscountAllocator.allocate(basketDiscount.max(zero).min(left), afterLineDiscounts);
        List<Money> afterManualLines = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Money afterPromotions = afterLineDiscounts.get(i).minus(basketShares.get(i));
            ManualDiscounts.Reduction reduction = manual.lines().get(lines.get(i).lineNo());
            Money discount = reduction == null ? zero : reduction.of(afterPromotions);
            if (reduction != null) {
                applied.add(new PricedBasket.Manual(PricedBasket.ManualKind.LINE, lines.get(i).lineNo(),
                        reduction.reason(), reduction.percent(), discount, afterPromotions, null, null));
            }
            afterManualLines.add(afterPromotions.minus(discount));
        }
        List<Money> transactionShares;
        if (manual.transaction() != null) {
            Money base = sum(afterManualLines, zero);
            Money discount = manual.transaction().of(base);
            transactionShares = DiscountAllocator.allocate(discount, afterManualLines);
            applied.add(new PricedBasket.Manual(PricedBasket.ManualKind.TRANSACTION, 0, manual.transaction().reason(),
                    manual.transaction().percent(), discount, base, null, null));
        } else {
            transactionShares = afterManualLines.stream().map(v -> zero).toList();
        }
        List<PricedLine> priced = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            BasketLine l = lines.get(i);
            Money amount = afterManualLines.get(i).minus(transactionShares.get(i));
            Money discount = values.get(i).minus(amount);
            var rate = l.item().taxCategory().rate();
            priced.add(new PricedLine(l.lineNo(), l.item().sku(), l.item().name(), l.item().department(),
                    l.quantity(), manual.unitPrice(l), values.get(i), discount, taxPolicy.paid(amount, rate),
                    taxPolicy.taxOf(amount, rate), rate, l.item().taxCategory().letter(), l.item().priceVersion()));
        }
        return PricedBasket.of(priced, zero).withManualDiscounts(applied);
    }

    private static Money sum(List<Money> amounts, Money zero) {
        return amounts.stream().reduce(zero, Money::plus);
    }
}
