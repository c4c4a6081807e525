package io.storedesk.pos.returns.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.storedesk.pos.common.CashRounding;
import io.storedesk.pos.common.Money;
import io.storedesk.pos.common.ProblemException;
import io.storedesk.pos.sale.SaleView;
import io.storedesk.pos.sale.TenderType;

/**
 * What a return pays back, and how. Each line refunds the net paid per unit (tax included);
 * when the net does not divide evenly, every unit gets the amount rounded down and the last
 * unit of the line takes the remainder, so returning a whole line, in one go or in parts,
 * refunds exactly its net.
 * <p>
 * An exchange's {@code credit} is taken first (it pays for the exchange's new goods). The rest:
 * with method STORE_CREDIT all of it becomes a new store credit; with CASH all of it is cash;
 * with ORIGINAL (the default) it goes back the way the sale was paid, in this order: first to
 * the tenders the store keeps in its own books (store credit, loyalty points), then to the card
 * tenders (each up to what it paid less earlier refunds to it), the rest in cash. Store-kept
 * tenders come first so that a partial return never turns store credit or points into money.
 * Cash is rounded like a sale's cash: the sale's cash refunds so far and this one are rounded
 * together, so that all the cash refunds of a sale add up to its rounded total; and never so that
 * a sale's refunds in all pass what was paid for it (then the cash is rounded down).
 * <p>
 * {@code pointsSpent} is the value of loyalty points the sale earned, that this return takes back
 * and that the customer already spent (docs/locking.md, issue 22 finding 7): it is kept back from
 * the refund (after an exchange's credit, before anything is paid out) instead of driving the
 * card's balance below zero; {@code spentPoints} is how many points that is.
 */
record RefundPlan(List<Line> lines, List<TenderPart> tenders, Money cashNet, Money cash, Money cashRounding,
        Money storeCredit, Money credit, Money pointsSpent, long spentPoints) {

    RefundPlan(List<Line> lines, List<TenderPart> tenders, Money cashNet, Money cash, Money cashRounding,
            Money storeCredit, Money credit) {
        this(lines, tenders, cashNet, cash, cashRounding, storeCredit, credit, Money.zero(credit.currency()), 0);
    }

    record Line(int lineNo, String sku, int quantity, ReturnRequests.Reason reason, boolean restock, Money refund) {
    }

    /** A refund to one non-cash tender of the sale: CARD, STORE_CREDIT or LOYALTY_POINTS. */
    record TenderPart(TenderType type, String reference, String maskedPan, Money amount) {
    }

    /** Cash refunded for the sale by earlier returns: paid out, and what their rounding added. */
    record EarlierCash(Money paid, Money rounding) {
    }

    Money total() {
        return tenders.stream().map(TenderPart::amount).reduce(cash.plus(storeCredit).plus(credit), Money::plus);
    }

    /** What the returned lines are worth: the sum of their refunds. */
    Money linesTotal() {
        return lines.stream().map(Line::refund).reduce(Money.zero(credit.currency()), Money::plus);
    }

    List<TenderPart> cards() {
        return tenders.stream().filter(t -> t.type() == TenderType.CARD).toList();
    }

    static RefundPlan of(SaleView sale, ReturnRequests.Return request, Map<String, Money> refundedToTenders,
            EarlierCash earlierCash, CashRounding rounding) {
        return of(sale, request.lines(), request.method(), refundedToTenders, earlierCash, rounding,
                Money.zero(Currency.getInstance(sale.currency())));
    }

    static RefundPlan of(SaleView sale, List<ReturnRequests.Line> asked, ReturnRequests.RefundMethod method,
            Map<String, Money> refundedToTenders, EarlierCash earlierCash, CashRounding rounding, Money credit) {
        return of(sale, asked, method, refundedToTenders, earlierCash, rounding, credit,
                Money.zero(Currency.getInstance(sale.currency())), 0);
    }

    /** @param pointsSpent the value kept back for earned points already spent (at most what the lines refund less the credit) */
    static RefundPlan of(SaleView sale, List<ReturnRequests.Line> asked, ReturnRequests.RefundMethod method,
            Map<String, Money> refundedToTenders, EarlierCash earlierCash, CashRounding rounding, Money credit,
            Money pointsSpent, long spentPoints) {
        Currency currency = Currency.getInstance(sale.currency());
        List<Line> lines = linesOf(sale, asked, currency);
        Money nets = lines.stream().map(Line::refund).reduce(Money.zero(currency), Money::plus);
        Money zero = Money.zero(currency);
        if (credit.plus(pointsSpent).isGreaterThan(nets)) {
            throw new IllegalArgumentException("credit " + credit + " and points spent " + pointsSpent
                    + " exceed the returned value " + nets);
        }
        Money rest = nets.minus(credit).minus(pointsSpent);
        if (method == ReturnRequests.RefundMethod.STORE_CREDIT) {
            return new RefundPlan(lines, List.of(), zero, zero, zero, rest, credit, pointsSpent, spentPoints);
        }
        List<TenderPart> parts = new ArrayList<>();
        if (method == ReturnRequests.RefundMethod.ORIGINAL) {
            for (TenderType type : List.of(TenderType.STORE_CREDIT, TenderType.LOYALTY_POINTS, TenderType.GIFT_CARD,
                    TenderType.CARD)) {
                for (SaleView.Tender t : sale.tenders()) {
                    if (!t.type().equals(type.name()) || !rest.isPositive() || t.reference() == null) {
                        continue;
                    }
                    Money available = Money.of(t.amount(), currency)
                            .minus(refundedToTenders.getOrDefault(t.reference(), zero));
                    Money take = rest.min(available);
                    if (take.isPositive()) {
                        parts.add(new TenderPart(type, t.reference(), t.maskedPan(), take));
                        rest = rest.minus(take);
                    }
                }
            }
        }
        Money earlierNets = earlierCash.paid().minus(earlierCash.rounding());
        Money cash = rounding.round(earlierNets.plus(rest)).minus(earlierCash.paid());
        // Rounding never pays back more than the sale took in all: when refunds by other means
        // than the original tenders met rounding both ways, the cash is rounded down instead.
        Money paid = sale.tenders().stream().map(t -> Money.of(t.amount(), currency)).reduce(zero, Money::plus);
        Money refundedBefore = refundedToTenders.values().stream().reduce(earlierCash.paid(), Money::plus);
        Money thisNonCash = parts.stream().map(TenderPart::amount).reduce(credit, Money::plus);
        Money cap = paid.minus(refundedBefore).minus(thisNonCash);
        if (cash.isGreaterThan(cap)) {
            cash = rounding.roundDown(cap).max(zero);
            Money over = cap.isNegative() ? cap.negate() : zero;
            for (int i = parts.size() - 1; i >= 0 && over.isPositive(); i--) {
                TenderPart p = parts.get(i);
                Money cut = over.min(p.amount());
                parts.set(i, new TenderPart(p.type(), p.reference(), p.maskedPan(), p.amount().minus(cut)));
                over = over.minus(cut);
            }
            parts.removeIf(p -> !p.amount().isPositive());
        }
        return new RefundPlan(List.copyOf(lines), List.copyOf(parts), rest, cash, cash.minus(rest), zero, credit,
                pointsSpent, spentPoints);
    }

    private static List<Line> linesOf(SaleView sale, List<ReturnRequests.Line> asked, Currency currency) {
        List<Line> lines = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < asked.size(); i++) {
            ReturnRequests.Line line = asked.get(i);
            if (line.lineNo() == null) {
                throw ProblemException.badRequest("validation-failed", "Invalid request",
                        "lines[%d].lineNo is required for a return with a receipt.".formatted(i))
                        .with("errors", List.of(Map.of("field", "lines[%d].lineNo".formatted(i), "message", "is required")));
            }
            if (!seen.add(line.lineNo())) {
                throw ProblemException.badRequest("duplicate-line", "Line named twice",
                        "Line %d is named more than once.".formatted(line.lineNo()));
            }
            SaleView.Line sold = sale.lines().stream().filter(l -> l.lineNo() == line.lineNo()).findFirst()
                    .orElseThrow(() -> ProblemException.rule("unknown-sale-line", "Unknown sale line",
                            "Sale %s has no line %d.".formatted(sale.receiptNumber(), line.lineNo()))
                            .with("lineNo", line.lineNo()));
            if (sold.giftCard() != null) {
                throw ProblemException.rule("gift-card-not-returnable", "Gift card not returnable",
                        "Line %d of %s sold or reloaded gift card %s; a gift card cannot be returned.".formatted(
                                line.lineNo(), sale.receiptNumber(), sold.giftCard().number()))
                        .with("lineNo", line.lineNo()).with("card", sold.giftCard().number());
            }
            int left = sold.quantity() - sold.returnedQuantity();
            if (line.quantity() > left) {
                throw ProblemException.rule("return-quantity-exceeded", "Return quantity exceeded",
                        "Line %d of %s: %d asked, only %d left to return.".formatted(line.lineNo(),
                                sale.receiptNumber(), line.quantity(), left))
                        .with("lineNo", line.lineNo()).with("remaining", left);
            }
            Money refund = unitsRefund(Money.of(sold.net(), currency), sold.quantity(), sold.returnedQuantity(),
                    line.quantity());
            lines.add(new Line(line.lineNo(), sold.sku(), line.quantity(), line.reason(), line.restock(), refund));
        }
        return lines;
    }

    /**
     * The refund for {@code count} units of a line of {@code quantity} units with {@code net}
     * paid, of which {@code returned} were returned before: what the first returned+count units
     * are worth less what the first returned units were worth.
     */
    static Money unitsRefund(Money net, int quantity, int returned, int count) {
        return worth(net, quantity, returned + count).minus(worth(net, quantity, returned));
    }

    private static Money worth(Money net, int quantity, int units) {
        if (units >= quantity) {
            return net;
        }
        BigDecimal unit = net.amount().divide(BigDecimal.valueOf(quantity), net.currency().getDefaultFractionDigits(),
                RoundingMode.DOWN);
        return Money.of(unit, net.currency()).times(units);
    }
}
