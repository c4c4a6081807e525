package io.storedesk.pos.sale;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.storedesk.pos.catalog.CatalogItem;
import io.storedesk.pos.catalog.TaxCategory;
import io.storedesk.pos.common.CashRounding;
import io.storedesk.pos.common.Money;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import static org.assertj.core.api.Assertions.assertThat;

/** Invariants of pricing, tax, discount allocation and cash rounding over random baskets. */
class PricingProperties {

    private static final Currency EUR = Currency.getInstance("EUR");
    private static final List<TaxCategory> RATES = List.of(new TaxCategory("STANDARD", BigDecimal.valueOf(21), "A"),
            new TaxCategory("REDUCED", BigDecimal.valueOf(12), "B"), new TaxCategory("SUPER", BigDecimal.valueOf(5), "C"),
            new TaxCategory("ZERO", BigDecimal.ZERO, "D"));

    @Property
    void lineNetsSumToTheTotal(@ForAll("baskets") List<BasketLine> basket, @ForAll("discounts") Money basketDiscount,
            @ForAll boolean inclusive) {
        PricedBasket priced = new BasketPricer(new TaxPolicy(inclusive)).price(basket, Map.of(), basketDiscount);

        Money sum = priced.lines().stream().map(PricedLine::net).reduce(Money.zero(EUR), Money::plus);
        assertThat(sum).isEqualTo(priced.total());
        Money taxSum = priced.taxes().stream().map(TaxSummary::gross).reduce(Money.zero(EUR), Money::plus);
        assertThat(taxSum).isEqualTo(priced.total());
        if (inclusive) {
            assertThat(priced.subtotal().minus(priced.discountTotal())).isEqualTo(priced.total());
        }
    }

    /**
     * With overrides, manual line discounts (percent or amount) and a transaction discount on top of a
     * basket discount: the lines still add up to the total, no line goes below zero, and the discount
     * recorded for each manual change is what the lines lost by it.
     */
    @Property
    void manualDiscountsKeepLinesAddingUpToTheTotalAndNeverBelowZero(@ForAll("baskets") List<BasketLine> basket,
            @ForAll("discounts") Money basketDiscount, @ForAll @IntRange(min = 0, max = 10_000) int percentBasisPoints,
            @ForAll("discounts") Money amount, @ForAll @IntRange(min = 0, max = 3) int transactionKind) {
        Map<Integer, ManualDiscounts.PriceChange> overrides = new HashMap<>();
        Map<Integer, ManualDiscounts.Reduction> lines = new HashMap<>();
        BigDecimal percent = BigDecimal.valueOf(percentBasisPoints, 2);
        for (BasketLine l : basket) {
            switch (l.lineNo() % 4) {
                case 0 -> overrides.put(l.lineNo(), new ManualDiscounts.PriceChange(
                        Money.rounded(l.item().price().amount().multiply(new BigDecimal("0.9")), EUR), "DAMAGED"));
                case 1 -> lines.put(l.lineNo(), new ManualDiscounts.Reduction(percent, null, "DAMAGED"));
                case 2 -> lines.put(l.lineNo(), new ManualDiscounts.Reduction(null, amount, "PRICE_MATCH"));
                default -> { }
            }
        }
        ManualDiscounts.Reduction transaction = switch (transactionKind) {
            case 1 -> new ManualDiscounts.Reduction(percent, null, "EMPLOYEE");
            case 2 -> new ManualDiscounts.Reduction(null, amount, "EMPLOYEE");
            default -> null;
        };
        PricedBasket priced = new BasketPricer(new TaxPolicy(true)).price(basket, Map.of(), basketDiscount,
                new ManualDiscounts(overrides, lines, transaction));

        Money sum = priced.lines().stream().map(PricedLine::net).reduce(Money.zero(EUR), Money::plus);
        assertThat(sum).isEqualTo(priced.total());
        assertThat(priced.lines()).allSatisfy(l -> assertThat(l.net().isNegative()).isFalse());
        assertThat(priced.subtotal().minus(priced.discountTotal())).isEqualTo(priced.total());
        Money listValue = basket.stream().map(l -> l.item().price().times(l.quantity())).reduce(Money.zero(EUR), Money::plus);
        Money manual = priced.manualDiscounts().stream().map(PricedBasket.Manual::amount).reduce(Money.zero(EUR), Money::plus);
        Money cappedBasketDiscount = listValue.minus(manual).minus(priced.total());
        assertThat(cappedBasketDiscount.isNegative()).isFalse();
        assertThat(cappedBasketDiscount).isLessThanOrEqualTo(basketDiscount);
    }

    @Property
    void taxPerRateMatchesTheRateWithinRounding(@ForAll("baskets") List<BasketLine> basket) {
        PricedBasket priced = new BasketPricer(new TaxPolicy(true)).price(basket, Map.of(), Money.zero(EUR));

        for (TaxSummary t : priced.taxes()) {
            long linesAtRate = priced.lines().stream().filter(l -> l.taxRate().compareTo(t.rate()) == 0).count();
            BigDecimal exact = t.gross().amount().multiply(t.rate())
                    .divide(BigDecimal.valueOf(100).add(t.rate()), 10, RoundingMode.HALF_UP);
            BigDecimal tolerance = new BigDecimal("0.005").multiply(BigDecimal.valueOf(linesAtRate));
            assertThat(t.tax().amount().subtract(exact).abs()).isLessThanOrEqualTo(tolerance);
            assertThat(t.net().plus(t.tax())).isEqualTo(t.gross());
        }
    }

    @Property
    void discountAllocationSumsExactlyAndNoLineGoesNegative(@ForAll("lineValues") List<Money> values,
            @ForAll @IntRange(min = 0, max = 1000) int permille) {
        Money total = values.stream().reduce(Money.zero(EUR), Money::plus);
        Money discount = Money.rounded(total.amount().multiply(BigDecimal.valueOf(permille)).movePointLeft(3), EUR);

        List<Money> shares = DiscountAllocator.allocate(discount, values);

        assertThat(shares.stream().reduce(Money.zero(EUR), Money::plus)).isEqualTo(discount);
        for (int i = 0; i < values.size(); i++) {
            assertThat(shares.get(i).isNegative()).isFalse();
            assertThat(shares.get(i)).isLessThanOrEqualTo(values.get(i));
        }
    }

    @Property
    void cashRoundingMovesAtMostHalfAnIncrementAndTendersSettleTheTotal(
            @ForAll @IntRange(min = 1, max = 10_000_000) int cents, @ForAll @IntRange(min = 0, max = 5000) int extraCents) {
        Money total = Money.of(BigDecimal.valueOf(cents, 2), EUR);
        CashRounding rounding = new CashRounding(new BigDecimal("0.05"));
        Money rounded = rounding.round(total);
        Money tendered = rounded.plus(Money.of(BigDecimal.valueOf(extraCents, 2), EUR));

        Settlement s = Settlement.settle(total, rounding, List.of(), tendered);

        assertThat(s.cashRounding().amount().abs()).isLessThanOrEqualTo(new BigDecimal("0.02"));
        assertThat(rounded.amount().remainder(new BigDecimal("0.05")).signum()).isZero();
        assertThat(s.paid()).isEqualTo(total.plus(s.cashRounding()));
        assertThat(s.change()).isEqualTo(tendered.minus(rounded));
    }

    @Provide
    Arbitrary<List<BasketLine>> baskets() {
        Arbitrary<BasketLine> line = Combinators.combine(
                Arbitraries.integers().between(0, 50_000),
                Arbitraries.integers().between(1, 9999),
                Arbitraries.of(RATES)).as((cents, qty, tax) -> new BasketLine(0,
                new CatalogItem("SKU", "4006381333931", "Item", "DEPT", Money.of(BigDecimal.valueOf(cents, 2), EUR), tax),
                qty));
        return line.list().ofMinSize(1).ofMaxSize(40).map(lines -> {
            List<BasketLine> numbered = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                numbered.add(new BasketLine(i + 1, lines.get(i).item(), lines.get(i).quantity()));
            }
            return numbered;
        });
    }

    @Provide
    Arbitrary<Money> discounts() {
        return Arbitraries.integers().between(0, 100_000).map(c -> Money.of(BigDecimal.valueOf(c, 2), EUR));
    }

    @Provide
    Arbitrary<List<Money>> lineValues() {
        return Arbitraries.integers().between(0, 1_000_000).map(c -> Money.of(BigDecimal.valueOf(c, 2), EUR))
                .list().ofMinSize(1).ofMaxSize(30);
    }

}
