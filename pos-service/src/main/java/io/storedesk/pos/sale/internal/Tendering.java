package io.storedesk.pos.sale.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.storedesk.pos.common.Amounts;
import io.storedesk.pos.common.Money;
import io.storedesk.pos.common.ProblemException;
import io.storedesk.pos.common.StoreProperties;
import io.storedesk.pos.payment.CardAuthorization;
import io.storedesk.pos.payment.CardPayments;
import io.storedesk.pos.payment.CardPurchase;
import io.storedesk.pos.sale.AppliedTender;
import io.storedesk.pos.sale.Settlement;
import io.storedesk.pos.sale.TenderType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Works out what each tender of a sale pays before any card is charged (a card tender without
 * an amount pays what cash and the other tenders leave), then charges the cards; if one card
 * fails, those already approved are reversed.
 */
@Component
class Tendering {

    private static final Logger log = LoggerFactory.getLogger(Tendering.class);

    private final CardPayments payments;
    private final StoreProperties store;

    Tendering(CardPayments payments, StoreProperties store) {
        this.payments = payments;
        this.store = store;
    }

    record CardCharge(Money amount, SaleRequests.Card card) {
    }

    record Plan(Money cash, List<CardCharge> cards) {
    }

    record Approved(CardAuthorization authorization) {
    }

    Plan plan(Money total, List<SaleRequests.Tender> tenders) {
        Money zero = Money.zero(total.currency());
        Money cash = null;
        Money explicit = zero;
        List<CardCharge> cards = new ArrayList<>();
        int rest = -1;
        for (int i = 0; i < tenders.size(); i++) {
            SaleRequests.Tender t = tenders.get(i);
            String field = "tenders[%d]".formatted(i);
            switch (t.type()) {
                case CASH -> {
                    Money amount = positive(t.amount(), field + ".amount", true);
                    cash = cash == null ? amount : cash.plus(amount);
                }
                case CARD -> {
                    if (t.card() == null || (t.card().track2() == null && (t.card().pan() == null || t.card().expiry() == null))) {
                        throw invalid(field + ".card", "needs pan and expiry, or track2");
                    }
                    if (t.amount() == null) {
                        if (rest >= 0) {
                            throw invalid(field + ".amount", "only one card tender may leave out its amount");
                        }
                        rest = cards.size();
                        cards.add(new CardCharge(null, t.card()));
                    } else {
                        Money amount = positive(t.amount(), field + ".amount", true);
                        explicit = explicit.plus(amount);
                        cards.add(new CardCharge(amount, t.card()));
                    }
                }
                default -> throw ProblemException.rule("tender-not-available", "Tender not available",
                        "Tender type %s is not available at this store yet.".formatted(t.type()));
            }
        }
        if (rest >= 0) {
            Money remainder = total.minus(cash == null ? zero : cash).minus(explicit);
            if (!remainder.isPositive()) {
                throw ProblemException.rule("nothing-left-for-card", "Nothing left to pay by card",
                        "Cash and other tenders already cover the total of %s.".formatted(total));
            }
            cards.set(rest, new CardCharge(remainder, cards.get(rest).card()));
        }
        Plan plan = new Plan(cash, List.copyOf(cards));
        settle(total, plan, cards.stream().map(c -> (Approved) null).toList());
        return plan;
    }

    /** Charges the plan's cards in order; on any failure reverses those already approved and rethrows. */
    List<Approved> charge(Plan plan, String registerId, String saleReference) {
        List<Approved> approved = new ArrayList<>();
        try {
            for (CardCharge c : plan.cards()) {
                CardPurchase purchase = c.card().track2() != null
                        ? CardPurchase.swiped(registerId, c.amount(), c.card().track2(), saleReference)
                        : CardPurchase.keyed(registerId, c.amount(), c.card().pan(), c.card().expiry(), saleReference);
                approved.add(new Approved(payments.purchase(purchase)));
            }
            return approved;
        } catch (RuntimeException e) {
            reverse(approved, "another tender of the sale failed");
            throw e;
        }
    }

    void reverse(List<Approved> approved, String reason) {
        for (Approved a : approved) {
            try {
                payments.reverse(a.authorization(), reason);
            } catch (RuntimeException e) {
                log.error("Reversal of card transaction {} could not be queued", a.authorization().reference(), e);
            }
        }
    }

    /** The settlement of the total by the plan's cash and cards (approved, or planned where null). */
    Settlement settle(Money total, Plan plan, List<Approved> approved) {
        List<AppliedTender> cards = new ArrayList<>();
        for (int i = 0; i < plan.cards().size(); i++) {
            Money amount = plan.cards().get(i).amount();
            Approved a = approved.get(i);
            cards.add(a == null ? new AppliedTender(TenderType.CARD, amount, amount, null)
                    : new AppliedTender(TenderType.CARD, amount, amount, a.authorization().reference(),
                            new AppliedTender.Card(a.authorization().maskedPan(), a.authorization().brand(),
                                    a.authorization().authCode(), a.authorization().rrn())));
        }
        return Settlement.settle(total, store.cashRoundingPolicy(), cards, plan.cash());
    }

    private Money positive(String value, String field, boolean required) {
        if (value == null && required) {
            throw invalid(field, "is required");
        }
        Money amount = Amounts.parse(value, store.currency(), field);
        if (!amount.isPositive()) {
            throw invalid(field, "must be more than zero");
        }
        return amount;
    }

    private static ProblemException invalid(String field, String message) {
        return ProblemException.badRequest("validation-failed", "Invalid request", field + " " + message + ".")
                .with("errors", List.of(Map.of("field", field, "message", message)));
    }
}
