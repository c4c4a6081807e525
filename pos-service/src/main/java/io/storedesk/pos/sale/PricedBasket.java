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
        Money total, List<Promotion> promotions, List<Manual> manualDiscounts) {

    /** A promotion applied to the basket and the discount it gave. */
    public record Promotion(String code, String description, Money amount) {
    }

    /** Kinds of {@link Manual} price changes. */
    public enum ManualKind { OVERRIDE, LINE, TRANSACTION }

    /**
     * A price override or manual discount as applied.
     *
     * @param lineNo     the line (0 for a transaction discount)
     * @param percent    the percent asked for, or null for an amount or an override
     * @param amount     the reduction it gave (an override: (was - new price) x quantity; negative when the price went up)
     * @param base       what it was taken from (an override: the line at the catalogue price)
     * @param wasPrice   an override's catalogue unit price, else null
     * @param approvedBy the manager who approved it when it needed approval, else null
     */
    public record Manual(ManualKind kind, int lineNo, String reason, java.math.BigDecimal percent, Money amount,
            Money base, Money wasPrice, String approvedBy) {

        /** The reduction as a percent of its base (two decimals). */
        public java.math.BigDecimal effectivePercent() {
            return ManualDiscounts.percentOf(amount, base);
        }

        public Manual approvedBy(String manager) {
            return new Manual(kind, lineNo, reason, percent, amount, base, wasPrice, manager);
        }
    }

    public PricedBasket withPromotions(List<Promotion> applied) {
        return new PricedBasket(lines, subtotal, discountTotal, taxTotal, total, List.copyOf(applied), manualDiscounts);
    }

    public PricedBasket withManualDiscounts(List<Manual> manual) {
        return new PricedBasket(lines, subtotal, discountTotal, taxTotal, total, promotions, List.copyOf(manual));
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
        return new PricedBasket(List.copyOf(lines), subtotal, discounts, tax, total, List.of(), List.of());
    }

    /** Net, tax and gross per tax rate, highest rate first (gift-card lines left out). */
    public List<TaxSummary> taxes() {
        Map<BigDecimal, List<PricedLine>> byRate = new TreeMap<>(Comparator.reverseOrder());
        lines.stream().filter(l -> l.giftCard() == null) // a gift card: a voucher, taxed when spent
                .forEach(l -> byRate.computeIfAbsent(l.taxRate().stripTrailingZeros(), r -> new ArrayList<>()).add(l));
        List<TaxSummary> taxes = new ArrayList<>();
        byRate.forEach((rate, ls) -> {
            Money gross = ls.stream().map(PricedLine::net).reduce(Money::plus).orElseThrow();
            Money tax = ls.stream().map(PricedLine::tax).reduce(Money::plus).orElseThrow();
            taxes.add(new TaxSummary(rate, ls.get(0).taxLetter(), gross.minus(tax), tax, gross));
        });
        return taxes;
    }
}
