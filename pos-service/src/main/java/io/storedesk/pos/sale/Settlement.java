package io.storedesk.pos.sale;

import java.util.ArrayList;
import java.util.List;

import io.storedesk.pos.common.CashRounding;
import io.storedesk.pos.common.Money;
import io.storedesk.pos.common.ProblemException;

/**
 * How the tenders settle a total: non-cash tenders pay exactly what they say, cash pays the
 * rest rounded to the smallest coin (the difference is {@code cashRounding}), and any cash
 * over that is change. Tender amounts always sum to {@code total + cashRounding}.
 */
public record Settlement(List<AppliedTender> tenders, Money cashRounding, Money change) {

    public Money paid() {
        return tenders.stream().map(AppliedTender::amount).reduce(Money.zero(cashRounding.currency()), Money::plus);
    }

    /**
     * @param nonCash tenders other than cash, each with the amount it pays
     * @param cash    cash handed over (sum of the cash tenders), or null when no cash was offered
     */
    public static Settlement settle(Money total, CashRounding rounding, List<AppliedTender> nonCash, Money cash) {
        Money zero = Money.zero(total.currency());
        Money nonCashTotal = nonCash.stream().map(AppliedTender::amount).reduce(zero, Money::plus);
        if (nonCashTotal.isGreaterThan(total)) {
            throw ProblemException.rule("tenders-exceed-total", "Tenders exceed the total",
                    "Non-cash tenders (%s) exceed the total (%s); change is only given in cash."
                            .formatted(nonCashTotal, total));
        }
        Money cashDue = total.minus(nonCashTotal);
        List<AppliedTender> applied = new ArrayList<>(nonCash);
        if (cash == null) {
            if (cashDue.isPositive()) {
                throw short_(cashDue, zero, total);
            }
            return new Settlement(applied, zero, zero);
        }
        Money roundedDue = rounding.round(cashDue);
        if (cash.isLessThan(roundedDue)) {
            throw short_(roundedDue, cash, total);
        }
        applied.add(new AppliedTender(TenderType.CASH, roundedDue, cash, null));
        return new Settlement(applied, roundedDue.minus(cashDue), cash.minus(roundedDue));
    }

    private static ProblemException short_(Money due, Money offered, Money total) {
        return ProblemException.rule("tenders-short", "Tenders short",
                        "The tenders do not cover the total: %s is due, %s was tendered.".formatted(due, offered))
                .with("amountDue", due.toString())
                .with("tendered", offered.toString())
                .with("total", total.toString());
    }
}
