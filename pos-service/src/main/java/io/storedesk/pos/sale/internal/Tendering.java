package io.storedesk.pos.sale.internal;

import java.util.ArrayList;
import java.util.EnumMap;
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
import io.storedesk.pos.sale.LedgerTender;
import io.storedesk.pos.sale.SaleOrder;
import io.storedesk.pos.sale.Settlement;
import io.storedesk.pos.sale.TenderRequest;
import io.storedesk.pos.sale.TenderType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Works out what each tender of a sale pays before any card is charged, then charges the cards;
 * if one card fails, those already approved are reversed. Tenders kept in the store's own books
 * (store credit, loyalty points: {@link LedgerTender}) pay first, each as much as asked or, without
 * an amount, as much as its balance allows of what the cards with amounts leave; a card tender
 * without an amount pays what cash and the other tenders leave; cash pays the rest, with change.
 * Ledger tenders are redeemed in the sale's transaction ({@link #redeem}).
 */
@Component
class Tendering {

    private static final Logger log = LoggerFactory.getLogger(Tendering.class);

    private final CardPayments payments;
    private final StoreProperties store;
    private final Map<TenderType, LedgerTender> ledgers = new EnumMap<>(TenderType.class);

    Tendering(CardPayments payments, StoreProperties store, List<LedgerTender> ledgers) {
        this.payments = payments;
        this.store = store;
        ledgers.forEach(l -> this.ledgers.put(l.type(), l));
    }

    record CardCharge(Money amount, SaleOrder.Card card) {
    }

    record LedgerPart(TenderRequest request, Money amount) {
    }

    record Plan(Money cash, List<CardCharge> cards, List<LedgerPart> ledger) {

        Plan(Money cash, List<CardCharge> cards) {
            this(cash, cards, List.of());
        }
    }

    record Approved(CardAuthorization authorization) {
    }

    Plan plan(Money total, List<SaleOrder.Tender> tenders, String loyaltyCard) {
        return plan(total, tenders, loyaltyCard, List.of());
    }

    /** @param credits tenders already settled before this sale (an exchange's credit), paying first */
    Plan plan(Money total, List<SaleOrder.Tender> tenders, String loyaltyCard, List<LedgerPart> credits) {
        Money zero = Money.zero(total.currency());
        Money cash = null;
        Money explicit = credits.stream().map(LedgerPart::amount).reduce(zero, Money::plus);
        List<CardCharge> cards = new ArrayList<>();
        List<LedgerPart> ledger = new ArrayList<>(credits);
        for (SaleOrder.Tender t : tenders) {
            if (t.type() == TenderType.CARD && t.amount() != null) {
                explicit = explicit.plus(Amounts.parse(t.amount(), store.currency(), "amount"));
            }
        }
        int rest = -1;
        for (int i = 0; i < tenders.size(); i++) {
            SaleOrder.Tender t = tenders.get(i);
            String field = "tenders[%d]".formatted(i);
            switch (t.type()) {
                case CASH -> {
                    Money amount = positive(t.amount(), field + ".amount", true);
                    cash = cash == null ? amount : cash.plus(amount);
                }
                case CARD -> {
                    if (t.card() == null || (t.card().track2() == null && (t.card().pan() == null || t.card().expiry() == null))) {
                        throw ProblemException.invalidField(field + ".card", "needs pan and expiry, or track2");
                    }
                    if (t.amount() == null) {
                        if (rest >= 0) {
                            throw ProblemException.invalidField(field + ".amount", "only one card tender may leave out its amount");
                        }
                        rest = cards.size();
                        cards.add(new CardCharge(null, t.card()));
                    } else {
                        Money amount = positive(t.amount(), field + ".amount", true);
                        cards.add(new CardCharge(amount, t.card()));
                    }
                }
                case STORE_CREDIT, LOYALTY_POINTS -> {
                    LedgerTender books = ledgers.get(t.type());
                    if (books == null) {
                        throw notAvailable(t.type());
                    }
                    if (t.type() == TenderType.STORE_CREDIT && (t.code() == null || t.code().isBlank())) {
                        throw ProblemException.invalidField(field + ".code", "is required for store credit");
                    }
                    if (t.type() == TenderType.LOYALTY_POINTS && t.points() == null) {
                        throw ProblemException.invalidField(field + ".points", "is required for loyalty points");
                    }
                    Money asked = t.amount() == null ? null : positive(t.amount(), field + ".amount", true);
                    Money due = total.minus(explicit);
                    if (!due.isPositive()) {
                        throw ProblemException.rule("tenders-exceed-total", "Tenders exceed the total",
                                "%s is not needed: the other tenders already cover the total of %s."
                                        .formatted(t.type(), total));
                    }
                    TenderRequest request = new TenderRequest(t.type(), asked, t.code(), t.points(), loyaltyCard);
                    Money amount = books.quote(request, due);
                    explicit = explicit.plus(amount);
                    ledger.add(new LedgerPart(request, amount));
                }
                default -> throw notAvailable(t.type());
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
        Plan plan = new Plan(cash, List.copyOf(cards), List.copyOf(ledger));
        settle(total, plan, cards.stream().map(c -> (Approved) null).toList(),
                ledger.stream().map(l -> new AppliedTender(l.request().type(), l.amount(), l.amount(), null)).toList());
        return plan;
    }

    /** Redeems the plan's ledger tenders in the caller's transaction (the exchange credits are already settled). */
    List<AppliedTender> redeem(Plan plan, String receiptNumber, String clerk) {
        List<AppliedTender> applied = new ArrayList<>();
        for (LedgerPart part : plan.ledger()) {
            LedgerTender books = ledgers.get(part.request().type());
            applied.add(books == null ? new AppliedTender(part.request().type(), part.amount(), part.amount(),
                    part.request().code()) : books.redeem(part.request(), part.amount(), receiptNumber, clerk));
        }
        return applied;
    }

    /** Gives a ledger tender of a voided sale back to its balance, in the caller's transaction. */
    void giveBack(TenderType type, String reference, Money amount, String document, String user) {
        LedgerTender books = ledgers.get(type);
        if (books == null) {
            throw new IllegalStateException("no books for " + type);
        }
        books.giveBack(reference, amount, document, user);
    }

    /** Queues the reversal of a card tender in the caller's transaction (post-void). */
    void reverseOnCommit(String reference, String reason) {
        payments.reverseOnCommit(reference, reason);
    }

    private static ProblemException notAvailable(TenderType type) {
        return ProblemException.rule("tender-not-available", "Tender not available",
                "Tender type %s is not available at this store.".formatted(type));
    }

    /**
     * Charges the plan's cards in order; on any failure reverses those already approved and rethrows.
     * The approvals are recorded by {@link #confirm} in the sale's transaction.
     */
    List<Approved> charge(Plan plan, String registerId, String saleReference) {
        List<Approved> approved = new ArrayList<>();
        try {
            for (CardCharge c : plan.cards()) {
                CardPurchase purchase = c.card().track2() != null
                        ? CardPurchase.swiped(registerId, c.amount(), c.card().track2(), saleReference)
                        : CardPurchase.keyed(registerId, c.amount(), c.card().pan(), c.card().expiry(), saleReference);
                approved.add(new Approved(payments.authorize(purchase)));
            }
            return approved;
        } catch (RuntimeException e) {
            reverse(approved, "another tender of the sale failed");
            throw e;
        }
    }

    /** Records the approvals of {@link #charge} in the sale's transaction (they commit with the sale). */
    void confirm(List<Approved> approved) {
        approved.forEach(a -> payments.confirm(a.authorization()));
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

    /**
     * The settlement of the total by the plan's ledger tenders (as redeemed), cards (approved, or
     * planned where null) and cash.
     */
    Settlement settle(Money total, Plan plan, List<Approved> approved, List<AppliedTender> ledger) {
        List<AppliedTender> cards = new ArrayList<>(ledger);
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
            throw ProblemException.invalidField(field, "is required");
        }
        Money amount = Amounts.parse(value, store.currency(), field);
        if (!amount.isPositive()) {
            throw ProblemException.invalidField(field, "must be more than zero");
        }
        return amount;
    }

}
