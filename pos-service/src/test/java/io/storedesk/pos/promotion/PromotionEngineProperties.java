package io.storedesk.pos.promotion;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.storedesk.pos.catalog.CatalogItem;
import io.storedesk.pos.catalog.TaxCategory;
import io.storedesk.pos.common.Money;
import io.storedesk.pos.promotion.Promotion.Scope;
import io.storedesk.pos.sale.BasketLine;
import io.storedesk.pos.sale.BasketPricer;
import io.storedesk.pos.sale.PricedBasket;
import io.storedesk.pos.sale.PricedLine;
import io.storedesk.pos.sale.TaxPolicy;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Invariants of the promotion engine over random promotion sets and baskets, on its own and
 * together with the sale module's pricer (as a sale quote runs it).
 */
class PromotionEngineProperties {

    private static final Currency EUR = Currency.getInstance("EUR");
    private static final List<String> SKUS = List.of("A", "B", "C", "D", "E", "F");
    private static final Map<String, String> DEPARTMENT = Map.of("A", "FOOD", "B", "FOOD", "C", "HOME", "D", "HOME",
            "E", "TOYS", "F", "TOYS");
    private static final TaxCategory STANDARD = new TaxCategory("STANDARD", BigDecimal.valueOf(21), "A");
    private static final LocalDateTime NOW = LocalDateTime.of(2026, 11, 23, 12, 0);

    record Case(List<Promotion> promotions, List<PromotionBasket.Line> lines, boolean card, Set<String> coupons) {

        PromotionOutcome apply() {
            return PromotionEngine.of(new PromotionSet(1, "p", Instant.EPOCH, promotions), EUR)
                    .apply(new PromotionBasket(lines, card, coupons, NOW));
        }
    }

    @Property(tries = 2000)
    void noLineGoesNegativeAndAllocationsSumExactly(@ForAll("cases") Case c) {
        PromotionOutcome o = c.apply();

        Money zero = Money.zero(EUR);
        Money basketValue = zero;
        for (PromotionBasket.Line l : c.lines()) {
            Money value = l.unitPrice().times(l.quantity());
            basketValue = basketValue.plus(value);
            Money d = o.lineDiscounts().getOrDefault(l.lineNo(), zero);
            assertThat(d.isNegative()).isFalse();
            assertThat(d).isLessThanOrEqualTo(value);
        }
        assertThat(o.basketDiscount().isNegative()).isFalse();
        assertThat(o.total()).isLessThanOrEqualTo(basketValue);
        assertThat(o.applied().stream().map(AppliedPromotion::amount).reduce(zero, Money::plus)).isEqualTo(o.total());
        Map<Integer, Money> fromApplied = new HashMap<>();
        Money basketWide = zero;
        for (AppliedPromotion a : o.applied()) {
            assertThat(a.amount().isPositive()).isTrue();
            if (a.basketWide()) {
                basketWide = basketWide.plus(a.amount());
            } else {
                assertThat(a.lines().values().stream().reduce(zero, Money::plus)).isEqualTo(a.amount());
                a.lines().forEach((line, m) -> fromApplied.merge(line, m, Money::plus));
            }
        }
        assertThat(fromApplied).isEqualTo(o.lineDiscounts());
        assertThat(basketWide).isEqualTo(o.basketDiscount());
    }

    @Property(tries = 1000)
    void aQuotedBasketNeverCostsMoreThanUndiscountedNorHasANegativeLine(@ForAll("cases") Case c) {
        PromotionOutcome o = c.apply();
        List<BasketLine> lines = c.lines().stream().map(l -> new BasketLine(l.lineNo(), new CatalogItem(l.sku(),
                "4006381333931", l.sku(), l.department(), l.unitPrice(), STANDARD), l.quantity())).toList();

        PricedBasket priced = new BasketPricer(new TaxPolicy(true)).price(lines, o.lineDiscounts(), o.basketDiscount());

        for (PricedLine l : priced.lines()) {
            assertThat(l.net().isNegative()).isFalse();
            assertThat(l.discount()).isLessThanOrEqualTo(l.value());
        }
        assertThat(priced.total()).isLessThanOrEqualTo(priced.subtotal());
        assertThat(priced.discountTotal()).isEqualTo(o.total());
        assertThat(priced.subtotal().minus(priced.discountTotal())).isEqualTo(priced.total());
    }

    @Property(tries = 500)
    void theOrderOfTheSetDoesNotMatter(@ForAll("cases") Case c) {
        List<Promotion> reversed = new ArrayList<>(c.promotions());
        java.util.Collections.reverse(reversed);

        assertThat(new Case(reversed, c.lines(), c.card(), c.coupons()).apply()).isEqualTo(c.apply());
    }

    @Provide
    Arbitrary<Case> cases() {
        Arbitrary<List<Promotion>> promotions = promotion().list().ofMinSize(0).ofMaxSize(8).map(ps -> {
            List<Promotion> unique = new ArrayList<>();
            for (int i = 0; i < ps.size(); i++) {
                Promotion p = ps.get(i);
                unique.add(new Promotion("P" + i, p.description(), p.kind(), p.scope(), p.targets(), p.percent(),
                        p.amount(), p.buy(), p.get(), p.price(), p.threshold(), p.coupon(), p.memberOnly(), null, null,
                        null, null, null, p.priority(), p.exclusive()));
            }
            return unique;
        });
        Arbitrary<PromotionBasket.Line> line = Combinators.combine(Arbitraries.of(SKUS),
                Arbitraries.integers().between(1, 30), Arbitraries.integers().between(0, 5_000))
                .as((sku, qty, cents) -> new PromotionBasket.Line(0, sku, DEPARTMENT.get(sku), qty,
                        Money.of(BigDecimal.valueOf(cents, 2), EUR)));
        Arbitrary<List<PromotionBasket.Line>> lines = line.list().ofMinSize(1).ofMaxSize(12).map(ls -> {
            List<PromotionBasket.Line> numbered = new ArrayList<>();
            for (int i = 0; i < ls.size(); i++) {
                PromotionBasket.Line l = ls.get(i);
                numbered.add(new PromotionBasket.Line(i + 1, l.sku(), l.department(), l.quantity(), l.unitPrice()));
            }
            return numbered;
        });
        return Combinators.combine(promotions, lines, Arbitraries.of(true, false),
                Arbitraries.of(Set.<String>of(), Set.of("C1"), Set.of("C1", "C2")))
                .as(Case::new);
    }

    private Arbitrary<Promotion> promotion() {
        Arbitrary<Scope> scope = Arbitraries.of(Scope.ITEM, Scope.DEPARTMENT);
        Arbitrary<Set<String>> skus = Arbitraries.of(SKUS).set().ofMinSize(1).ofMaxSize(3);
        Arbitrary<Set<String>> departments = Arbitraries.of("FOOD", "HOME", "TOYS").set().ofMinSize(1).ofMaxSize(2);
        Arbitrary<String> percent = Arbitraries.integers().between(1, 10_000).map(bp -> BigDecimal.valueOf(bp, 2).toPlainString());
        Arbitrary<String> amount = Arbitraries.integers().between(1, 6_000).map(c -> BigDecimal.valueOf(c, 2).toPlainString());
        Arbitrary<Promotion> base = Arbitraries.integers().between(0, 6).flatMap(kind -> scope.flatMap(s -> {
            Arbitrary<Set<String>> targets = s == Scope.ITEM ? skus : departments;
            return switch (kind) {
                case 0 -> Combinators.combine(targets, percent).as((t, p) -> Promotion.percentOff("X", "x", s, t, p));
                case 1 -> Combinators.combine(targets, amount).as((t, a) -> Promotion.amountOff("X", "x", s, t, a));
                case 2 -> Combinators.combine(targets, Arbitraries.integers().between(2, 5), amount)
                        .as((t, n, a) -> Promotion.multiBuy("X", "x", s, t, n, a));
                case 3 -> Combinators.combine(targets, Arbitraries.integers().between(1, 4), Arbitraries.integers().between(1, 3))
                        .as((t, x, y) -> Promotion.buyGet("X", "x", s, t, x, y));
                case 4 -> Combinators.combine(targets, amount, percent)
                        .as((t, th, p) -> Promotion.threshold("X", "x", s, t, th, p, null));
                case 5 -> Combinators.combine(amount, amount)
                        .as((th, a) -> Promotion.threshold("X", "x", Scope.BASKET, Set.of(), th, null, a));
                default -> Arbitraries.oneOf(percent.map(p -> Promotion.percentOff("X", "x", Scope.BASKET, Set.of(), p)),
                        amount.map(a -> Promotion.amountOff("X", "x", Scope.BASKET, Set.of(), a)));
            };
        }));
        return Combinators.combine(base, Arbitraries.integers().between(0, 3), Arbitraries.of(false, false, true),
                Arbitraries.of(false, false, true), Arbitraries.of((String) null, null, "C1", "C3"))
                .as((p, priority, exclusive, member, coupon) -> p.withPriority(priority).withExclusive(exclusive)
                        .withMemberOnly(member).withCoupon(coupon));
    }
}
