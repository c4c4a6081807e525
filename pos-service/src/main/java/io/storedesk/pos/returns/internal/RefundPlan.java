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
 * refunds exactly its net. By default the refund goes to the sale's card tenders first (each
 * up to what it paid less earlier refunds to it), the rest in cash; with method CASH all in
 * cash. Cash is rounded like a sale's cash: the sale's cash refunds so far and this one are
 * rounded together, so that all the cash refunds of a sale add up to its rounded total.
 */
record RefundPlan(List<Line> lines, List<CardPart> cards, Money cashNet, Money cash, Money cashRounding) {

    record Line(int lineNo, String sku, int quantity, ReturnRequests.Reason reason, boolean restock, Money refund) {
    }

    record CardPart(String reference, String maskedPan, Money amount) {
    }

    /** Cash refunded for the sale by earlier returns: paid out, and what their rounding added. */
    record EarlierCash(Money paid, Money rounding) {
    }

    Money total() {
        return cards.stream().map(CardPart::amount).reduce(cash, Money::plus);
    }

    static RefundPlan of(SaleView sale, ReturnRequests.Return request, Map<String, Money> refundedToCards,
            EarlierCash earlierCash, CashRounding rounding) {
        Currency currency = Currency.getInstance(sale.currency());
        List<Line> lines = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        Money nets = Money.zero(currency);
        for (ReturnRequests.Line asked : request.lines()) {
            if (!seen.add(asked.lineNo())) {
                throw ProblemException.badRequest("duplicate-line", "Line named twice",
                        "Line %d is named more than once.".formatted(asked.lineNo()));
            }
            SaleView.Line sold = sale.lines().stream().filter(l -> l.lineNo() == asked.lineNo()).findFirst()
                    .orElseThrow(() -> ProblemException.rule("unknown-sale-line", "Unknown sale line",
                            "Sale %s has no line %d.".formatted(sale.receiptNumber(), asked.lineNo()))
                            .with("lineNo", asked.lineNo()));
            int left = sold.quantity() - sold.returnedQuantity();
            if (asked.quantity() > left) {
                throw ProblemException.rule("return-quantity-exceeded", "Return quantity exceeded",
                        "Line %d of %s: %d asked, only %d left to return.".formatted(asked.lineNo(),
                                sale.receiptNumber(), asked.quantity(), left))
                        .with("lineNo", asked.lineNo()).with("remaining", left);
            }
            Money refund = unitsRefund(Money.of(sold.net(), currency), sold.quantity(), sold.returnedQuantity(),
                    asked.quantity());
            nets = nets.plus(refund);
            lines.add(new Line(asked.lineNo(), sold.sku(), asked.quantity(), asked.reason(), asked.restock(), refund));
        }
        List<CardPart> cards = new ArrayList<>();
        Money rest = nets;
        if (request.method() == ReturnRequests.RefundMethod.ORIGINAL) {
            for (SaleView.Tender t : sale.tenders()) {
                if (!t.type().equals(TenderType.CARD.name()) || !rest.isPositive()) {
                    continue;
                }
                Money available = Money.of(t.amount(), currency)
                        .minus(refundedToCards.getOrDefault(t.reference(), Money.zero(currency)));
                Money take = rest.min(available);
                if (take.isPositive()) {
                    cards.add(new CardPart(t.reference(), t.maskedPan(), take));
                    rest = rest.minus(take);
                }
            }
        }
        Money earlierNets = earlierCash.paid().minus(earlierCash.rounding());
        Money cash = rounding.round(earlierNets.plus(rest)).minus(earlierCash.paid());
        return new RefundPlan(List.copyOf(lines), List.copyOf(cards), rest, cash, cash.minus(rest));
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
