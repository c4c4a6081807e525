package io.storedesk.pos.returns.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import io.storedesk.pos.catalog.CatalogItem;
import io.storedesk.pos.catalog.TaxCategory;
import io.storedesk.pos.common.CashRounding;
import io.storedesk.pos.common.Money;
import io.storedesk.pos.sale.BasketLine;
import io.storedesk.pos.sale.BasketPricer;
import io.storedesk.pos.sale.PricedBasket;
import io.storedesk.pos.sale.PricedLine;
import io.storedesk.pos.sale.SaleView;
import io.storedesk.pos.sale.TaxPolicy;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Over random baskets with line and basket discounts, paid by a store credit, a card and cash in
 * random parts, and returned in random partial returns with random refund methods: what a sale
 * refunds never exceeds what was paid for it, no tender gets back more than it paid, and returning
 * everything by the original tenders refunds exactly what was paid, tender by tender.
 */
class ReturnSequenceProperties {

    private static final Currency EUR = Currency.getInstance("EUR");
    private static final CashRounding FIVE_CENTS = new CashRounding(new BigDecimal("0.05"));
    private static final TaxCategory STANDARD = new TaxCategory("STANDARD", BigDecimal.valueOf(21), "A");
    private static final TaxCategory REDUCED = new TaxCategory("REDUCED", BigDecimal.valueOf(12), "B");

    @Property(tries = 300)
    void refundsNeverExceedWhatWasPaidAndReturningEverythingRefundsItExactly(
            @ForAll("baskets") List<BasketLine> basket,
            @ForAll @IntRange(min = 0, max = 100) int lineDiscountPercent,
            @ForAll @IntRange(min = 0, max = 5000) int basketDiscountCents,
            @ForAll @IntRange(min = 0, max = 100) int creditPercent,
            @ForAll @IntRange(min = 0, max = 100) int cardPercent,
            @ForAll @LongRange long seed) {
        Map<Integer, Money> lineDiscounts = new HashMap<>();
        basket.forEach(l -> lineDiscounts.put(l.lineNo(), percent(l.item().price().times(l.quantity()), lineDiscountPercent / 2)));
        PricedBasket priced = new BasketPricer(new TaxPolicy(true)).price(basket, lineDiscounts,
                Money.of(BigDecimal.valueOf(basketDiscountCents, 2), EUR));
        Money total = priced.total();
        Money credit = percent(total, creditPercent);
        Money card = percent(total.minus(credit), cardPercent);
        Money cashDue = total.minus(credit).minus(card);
        Money cash = FIVE_CENTS.round(cashDue);
        List<SaleView.Tender> tenders = new ArrayList<>();
        if (credit.isPositive()) {
            tenders.add(new SaleView.Tender("STORE_CREDIT", credit.toString(), credit.toString(), null, null, null, null,
                    "SC-1"));
        }
        if (card.isPositive()) {
            tenders.add(new SaleView.Tender("CARD", card.toString(), card.toString(), "476173******0010", "VISA", "1",
                    "1", "CARD-1"));
        }
        if (cashDue.isPositive()) {
            tenders.add(new SaleView.Tender("CASH", cash.toString(), cash.toString(), null, null, null, null, null));
        }
        Money paid = credit.plus(card).plus(cashDue.isPositive() ? cash : Money.zero(EUR));

        Random random = new Random(seed);
        Map<Integer, Integer> returned = new HashMap<>();
        Map<String, Money> refundedToTenders = new HashMap<>();
        Money cashRefunded = Money.zero(EUR);
        Money roundingSoFar = Money.zero(EUR);
        Money otherRefunds = Money.zero(EUR);
        boolean allOriginal = true;
        while (returned.values().stream().mapToInt(Integer::intValue).sum()
                < priced.lines().stream().mapToInt(PricedLine::quantity).sum()) {
            SaleView sale = view(priced, tenders, returned);
            List<ReturnRequests.Line> lines = new ArrayList<>();
            for (SaleView.Line l : sale.lines()) {
                int left = l.quantity() - l.returnedQuantity();
                if (left > 0 && random.nextInt(3) > 0) {
                    lines.add(new ReturnRequests.Line(l.lineNo(), 1 + random.nextInt(left), ReturnRequests.Reason.OTHER,
                            false));
                }
            }
            if (lines.isEmpty()) {
                continue;
            }
            ReturnRequests.RefundMethod method = random.nextInt(5) == 0 ? ReturnRequests.RefundMethod.CASH
                    : ReturnRequests.RefundMethod.ORIGINAL;
            allOriginal &= method == ReturnRequests.RefundMethod.ORIGINAL;
            RefundPlan plan = RefundPlan.of(sale, lines, method, refundedToTenders,
                    new RefundPlan.EarlierCash(cashRefunded, roundingSoFar), FIVE_CENTS, Money.zero(EUR));
            for (RefundPlan.TenderPart part : plan.tenders()) {
                refundedToTenders.merge(part.reference(), part.amount(), Money::plus);
                otherRefunds = otherRefunds.plus(part.amount());
            }
            assertThat(plan.cash().isNegative()).isFalse();
            cashRefunded = cashRefunded.plus(plan.cash());
            roundingSoFar = roundingSoFar.plus(plan.cashRounding());
            lines.forEach(l -> returned.merge(l.lineNo(), l.quantity(), Integer::sum));

            assertThat(otherRefunds.plus(cashRefunded)).isLessThanOrEqualTo(paid);
            assertThat(refundedToTenders.getOrDefault("SC-1", Money.zero(EUR))).isLessThanOrEqualTo(credit);
            assertThat(refundedToTenders.getOrDefault("CARD-1", Money.zero(EUR))).isLessThanOrEqualTo(card);
        }
        Money refunded = otherRefunds.plus(cashRefunded);
        if (allOriginal) {
            assertThat(refunded).isEqualTo(paid);
            assertThat(refundedToTenders.getOrDefault("SC-1", Money.zero(EUR))).isEqualTo(credit);
            assertThat(refundedToTenders.getOrDefault("CARD-1", Money.zero(EUR))).isEqualTo(card);
        } else {
            // card or credit refunded in cash is rounded to the coin, at most 0.04 less than was paid (two roundings)
            assertThat(paid.minus(refunded).amount()).isBetween(BigDecimal.ZERO, new BigDecimal("0.04"));
        }
        Money nets = priced.lines().stream().map(PricedLine::net).reduce(Money.zero(EUR), Money::plus);
        assertThat(nets).isEqualTo(total);
    }

    private static Money percent(Money m, int percent) {
        return Money.rounded(m.amount().multiply(BigDecimal.valueOf(percent)).movePointLeft(2), EUR);
    }

    private static SaleView view(PricedBasket priced, List<SaleView.Tender> tenders, Map<Integer, Integer> returned) {
        List<SaleView.Line> lines = priced.lines().stream().map(l -> new SaleView.Line(l.lineNo(), l.sku(), l.name(),
                l.department(), l.quantity(), l.unitPrice().toString(), l.discount().toString(), l.net().toString(),
                l.tax().toString(), l.taxRate().toPlainString(), l.taxLetter(), returned.getOrDefault(l.lineNo(), 0)))
                .toList();
        String total = priced.total().toString();
        return new SaleView("S001-R01-20261123-000001", "COMPLETED", "S001", "R01", "D1", LocalDate.now(),
                OffsetDateTime.now(), "clerk", "EUR", lines, priced.subtotal().toString(),
                priced.discountTotal().toString(), priced.taxTotal().toString(), total, List.of(), tenders, total, "0.00",
                "0.00", 0, List.of(), null, List.of(), null);
    }

    @Provide
    Arbitrary<List<BasketLine>> baskets() {
        Arbitrary<BasketLine> line = Combinators.combine(Arbitraries.integers().between(1, 20_000),
                Arbitraries.integers().between(1, 6), Arbitraries.of(STANDARD, REDUCED))
                .as((cents, qty, tax) -> new BasketLine(0, new CatalogItem("SKU", "4006381333931", "Item", "DEPT",
                        Money.of(BigDecimal.valueOf(cents, 2), EUR), tax), qty));
        return line.list().ofMinSize(1).ofMaxSize(8).map(lines -> {
            List<BasketLine> numbered = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                numbered.add(new BasketLine(i + 1, lines.get(i).item(), lines.get(i).quantity()));
            }
            return numbered;
        });
    }
}
