package io.storedesk.pos.sale.internal;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.function.Function;
import java.util.Map;

import io.storedesk.pos.common.Amounts;
import io.storedesk.pos.common.Money;
import io.storedesk.pos.common.ProblemException;
import io.storedesk.pos.common.StoreProperties;
import io.storedesk.pos.payment.CardAuthorization;
import io.storedesk.pos.payment.CardPayments;
import io.storedesk.pos.payment.CardPurchase;
import io.storedesk.pos.common.GiftCardNumbers;
import io.storedesk.pos.sale.AppliedTender;
import io.storedesk.pos.sale.GiftCardAuthority;
import io.storedesk.pos.sale.LedgerTender;
import io.storedesk.pos.sale.PricedLine;
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
    private final GiftCardAuthority giftCards;

    Tendering(CardPayments payments, StoreProperties store, List<LedgerTender> ledgers,
            org.springframework.beans.factory.ObjectProvider<GiftCardAuthority> giftCards) {
        this.payments = payments;
        this.store = store;
        ledgers.forEach(l -> this.ledgers.put(l.type(), l));
        this.giftCards = giftCards.getIfAvailable();
    }

    record CardCharge(Money amount, SaleOrder.Card card) {
    }

    record LedgerPart(TenderRequest request, Money amount) {
    }

    /** A gift card tender: the card's number (card data: never logged, never in an op id) and what it pays. */
    record GiftPart(String number, Money amount, boolean offline) {

        @Override
        public String toString() {
            return "GiftPart[****, " + amount + "]";
        }
    }

    /** A gift card the sale sells or reloads (line {@code lineNo}), activated online before the sale's transaction. */
    record GiftLoad(int lineNo, PricedLine.GiftCardLoad card) {
    }

    record Plan(Money cash, List<CardCharge> cards, List<LedgerPart> ledger, List<GiftPart> gifts, List<GiftLoad> loads) {

        Plan(Money cash, List<CardCharge> cards, List<LedgerPart> ledger, List<GiftPart> gifts) {
            this(cash, cards, ledger, gifts, List.of());
        }

        Plan(Money cash, List<CardCharge> cards) {
            this(cash, cards, List.of(), List.of());
        }

        /** This plan, also activating or reloading the gift cards of the basket's {@code lines}. */
        Plan withLoads(List<PricedLine> lines) {
            return new Plan(cash, cards, ledger, gifts, lines.stream().filter(l -> l.giftCard() != null)
                    .map(l -> new GiftLoad(l.lineNo(), l.giftCard())).toList());
        }
    }

    /** A card approved, or a gift card redeemed at head office ({@code number} kept for a compensation only). */
    record Approved(CardAuthorization authorization, GiftCardAuthority.Redemption gift, String number,
            boolean offline, Integer loadLine) {

        Approved(CardAuthorization authorization, GiftCardAuthority.Redemption gift, String number, boolean offline) {
            this(authorization, gift, number, offline, null);
        }

        Approved(CardAuthorization authorization) {
            this(authorization, null, null, false);
        }

        @Override
        public String toString() {
            return authorization != null ? "Approved[" + authorization.reference() + "]" : "Approved[" + gift.opId() + "]";
        }
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
        List<GiftPart> gifts = new ArrayList<>();
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
                    Money due = stillDue(t.type(), total, explicit);
                    TenderRequest request = new TenderRequest(t.type(), asked, t.code(), t.points(), loyaltyCard);
                    Money amount = books.quote(request, due);
                    explicit = explicit.plus(amount);
                    ledger.add(new LedgerPart(request, amount));
                }
                case GIFT_CARD -> {
                    if (giftCards == null) {
                        throw notAvailable(t.type());
                    }
                    String number = GiftCardNumbers.require(t.giftCard(), field + ".giftCard");
                    Money asked = t.amount() == null ? null : positive(t.amount(), field + ".amount", true);
                    Money due = stillDue(t.type(), total, explicit);
                    Money wanted = asked == null ? due : asked.min(due);
                    GiftCardAuthority.Balance balance;
                    try {
                        balance = giftCards.balance(number); // online: head office's balance
                    } catch (ProblemException e) {
                        if (!e.type().equals("gift-card-offline")) {
                            throw e;
                        }
                        Money allowance = giftCards.offlineAllowance(number); // pos.gift-cards.offline-allowance
                        if (!allowance.isPositive()) {
                            throw e;
                        }
                        Money amount = wanted.min(allowance);
                        explicit = explicit.plus(amount);
                        gifts.add(new GiftPart(number, amount, true));
                        continue;
                    }
                    Money amount = wanted.min(balance.balance());
                    if (!balance.status().equals("ACTIVE") || !amount.isPositive()) {
                        throw ProblemException.rule("gift-card-insufficient", "Not enough on the gift card",
                                "Gift card %s has only %s left.".formatted(balance.maskedNumber(), balance.balance()))
                                .with("card", balance.maskedNumber()).with("balance", balance.balance().toString());
                    }
                    explicit = explicit.plus(amount);
                    gifts.add(new GiftPart(number, amount, false));
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
        Plan plan = new Plan(cash, List.copyOf(cards), List.copyOf(ledger), List.copyOf(gifts));
        settle(total, plan, List.of(),
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

    /** What is left to pay when a balance tender ({@code type}) comes; 422 when the others already cover it. */
    private static Money stillDue(TenderType type, Money total, Money explicit) {
        Money due = total.minus(explicit);
        if (!due.isPositive()) {
            throw ProblemException.rule("tenders-exceed-total", "Tenders exceed the total",
                    "%s is not needed: the other tenders already cover the total of %s.".formatted(type, total));
        }
        return due;
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
            List<Approved> loads = new ArrayList<>();
            loadGiftCards(plan, saleReference, loads, approved);
            List<Approved> gifts = new ArrayList<>();
            redeemGiftCards(plan, saleReference, gifts, approved);
            for (CardCharge c : plan.cards()) {
                CardPurchase purchase = c.card().track2() != null
                        ? CardPurchase.swiped(registerId, c.amount(), c.card().track2(), saleReference)
                        : CardPurchase.keyed(registerId, c.amount(), c.card().pan(), c.card().expiry(), saleReference);
                approved.add(new Approved(payments.authorize(purchase)));
            }
            approved.removeAll(gifts);
            approved.removeAll(loads);
            approved.addAll(gifts); // cards first (by the plan's card index), then the gift cards
            approved.addAll(loads); // then the gift cards sold or reloaded
            return approved;
        } catch (RuntimeException e) {
            reverse(approved, "another tender of the sale failed");
            throw e;
        }
    }

    /**
     * Redeems the plan's gift cards at head office, before the sale's transaction, each under an op id
     * derived from the store, the sale's reference (its Idempotency-Key, else a random one) and the
     * tender's index: a retry of the request redeems under the same op id and head office answers the
     * first outcome. An attempt compensated before (its CANCEL pending here, or applied there: 409
     * {@code gift-card-op-cancelled}) is not the sale's any more: the next attempt number is used.
     */
    private void redeemGiftCards(Plan plan, String saleReference, List<Approved> gifts, List<Approved> all) {
        for (int i = 0; i < plan.gifts().size(); i++) {
            GiftPart g = plan.gifts().get(i);
            Approved a = underNextAttempt(opBase(saleReference) + "-t" + i, opId -> g.offline()
                    // recorded in the sale's transaction (confirm), nothing to compensate
                    ? new Approved(null, new GiftCardAuthority.Redemption(opId, GiftCardNumbers.mask(g.number()),
                            g.amount(), null), g.number(), true)
                    : new Approved(null, giftCards.redeem(opId, g.number(), g.amount(), null), g.number(), false));
            gifts.add(a);
            all.add(a);
        }
    }

    /**
     * The first attempt of op {@code base} ({@code base-a<n>}) that is still the sale's: one whose compensation is
     * pending here is skipped, one head office reports cancelled (409 {@code gift-card-op-cancelled}) is followed
     * by the next, at most 20 times.
     */
    private Approved underNextAttempt(String base, Function<String, Approved> call) {
        for (int attempt = 0; ; attempt++) {
            String opId = base + "-a" + attempt;
            if (giftCards.cancelPending(opId)) {
                continue;
            }
            try {
                return call.apply(opId);
            } catch (ProblemException e) {
                if (!e.type().equals("gift-card-op-cancelled") || attempt >= 20) {
                    throw e;
                }
            }
        }
    }

    /**
     * Activates or reloads the plan's gift-card lines at head office, before the sale's transaction and before
     * any tender is charged (so a declined card cancels them), each under an op id derived from the store, the
     * sale's reference and the line's number ({@code -l<line>-a<attempt>}), never from the card number: a retry
     * of the request activates under the same op id and head office answers the first outcome. No offline
     * activation: head office unreachable is 503 {@code gift-card-offline}.
     */
    private void loadGiftCards(Plan plan, String saleReference, List<Approved> loads, List<Approved> all) {
        if (plan.loads().isEmpty()) {
            return;
        }
        if (giftCards == null) {
            throw notAvailable(TenderType.GIFT_CARD);
        }
        for (GiftLoad load : plan.loads()) {
            Approved a = underNextAttempt(opBase(saleReference) + "-l" + load.lineNo(), opId -> new Approved(null,
                    giftCards.load(opId, load.card().number(), load.card().kind(), load.card().amount(), null),
                    load.card().number(), false, load.lineNo()));
            loads.add(a);
            all.add(a);
        }
    }

    /** 40 hex digits of SHA-256 over the store and the sale's reference: never the card number. */
    private String opBase(String saleReference) {
        try {
            byte[] h = java.security.MessageDigest.getInstance("SHA-256").digest(
                    (store.id() + "|" + saleReference).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return "gc-" + java.util.HexFormat.of().formatHex(h).substring(0, 40);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Records the approvals of {@link #charge} in the sale's transaction (they commit with the sale). */
    void confirm(List<Approved> approved) {
        approved.stream().filter(a -> a.authorization() != null).forEach(a -> payments.confirm(a.authorization()));
        approved.stream().filter(a -> a.gift() != null && !a.offline()).forEach(a -> giftCards.settled(a.gift().opId()));
        approved.stream().filter(Approved::offline).forEach(a -> giftCards.redeemOffline(a.gift().opId(), a.number(),
                a.gift().amount(), null)); // the outbox, with the sale
    }

    void reverse(List<Approved> approved, String reason) {
        for (Approved a : approved) {
            if (a.gift() != null) {
                if (!a.offline()) {
                    giftCards.cancel(a.gift().opId(), a.number()); // durable (outbox) first, then online
                }
                continue;
            }
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
        for (int i = 0; i < plan.gifts().size(); i++) {
            GiftPart g = plan.gifts().get(i);
            int at = plan.cards().size() + i;
            Approved a = approved.size() > at ? approved.get(at) : null;
            cards.add(a == null ? new AppliedTender(TenderType.GIFT_CARD, g.amount(), g.amount(), null)
                    : new AppliedTender(TenderType.GIFT_CARD, a.gift().amount(), a.gift().amount(), a.gift().opId(),
                            new AppliedTender.Card(shortMask(g.number()), "GIFT_CARD", null, null),
                            a.gift().balanceAfter()));
        }
        for (int i = 0; i < plan.cards().size(); i++) {
            Money amount = plan.cards().get(i).amount();
            Approved a = approved.size() > i ? approved.get(i) : null;
            cards.add(a == null ? new AppliedTender(TenderType.CARD, amount, amount, null)
                    : new AppliedTender(TenderType.CARD, amount, amount, a.authorization().reference(),
                            new AppliedTender.Card(a.authorization().maskedPan(), a.authorization().brand(),
                                    a.authorization().authCode(), a.authorization().rrn())));
        }
        return Settlement.settle(total, store.cashRoundingPolicy(), cards, plan.cash());
    }

    /** The masked number as a tender row keeps it (at most 19 characters: the last four digits). */
    static String shortMask(String number) {
        String masked = GiftCardNumbers.mask(number);
        return masked.length() <= 19 ? masked : masked.substring(masked.length() - 19);
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
