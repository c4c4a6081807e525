package io.storedesk.pos.sale;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.storedesk.pos.common.Money;

/**
 * A priced basket: lines, totals, the tax table and the promotions applied (each with the discount
 * it gave; their sum is {@code discountTotal}). {@code total} is the sum of line nets.
 */
public record PricedBasket(List<PricedLine> lines, Money subtotal, Money discountTotal, Money taxTotal,
        Money total, List<Promotion> promotions) {

    /** A promotion applied to the basket and the discount it gave. */
    public record Promotion(String code, String description, Money amount) {
    }

    public PricedBasket withPromotions(List<Promotion> applied) {
        return new PricedBasket(lines, subtotal, discountTotal, taxTotal, total, List.copyOf(applied));
    }

    public static PricedBasket of(List<PricedLine> lines, Money zero) {
        Money subtotal = zero;
        Money discounts = zero;
        Money tax = zero;
        Money total = zero;
        for (PricedLine l : lines) {
            subtotal = subtotal.plus(l.value());
            discounts = discounts.plus(l.discount());
            tax = tax.plus(l.tax());
            total = total.plus(l.net());
        }
        return new PricedBasket(List.copyOf(lines), subtotal, discounts, tax, total, List.of());
    }

    /** Net, tax and gross per tax rate, highest rate first. */
    public List<TaxSummary> taxes() {
        Map<BigDecimal, List<PricedLine>> byRate = new TreeMap<>(Comparator.reverseOrder());
        lines.forEach(l -> byRate.computeIfAbsent(l.taxRate().stripTrailingZeros(), r -> new ArrayList<>()).add(l));
        List<TaxSummary> taxes = new ArrayList<>();
        byRate.forEach((rate, ls) -> {
            Money gross = ls.stream().map(PricedLine::net).reduce(Money::plus).orElseThrow();
            Money tax = ls.stream().map(PricedLine::tax).reduce(Money::plus).orElseThrow();
            taxes.add(new TaxSummary(rate, ls.get(0).taxLetter(), gross.minus(tax), tax, gross));
        });
        return taxes;
    }
}
