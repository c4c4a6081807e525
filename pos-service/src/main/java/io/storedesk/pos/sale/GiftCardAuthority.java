package io.storedesk.pos.sale;

import io.storedesk.pos.common.CardData;
import io.storedesk.pos.common.Money;

/**
 * Gift cards as the store reaches them: head office holds every card's balance (docs/head-office.md,
 * "Gift cards"); implemented by the sync module. Online calls are made before the sale's transaction,
 * like a card authorisation; a compensation ({@link #cancel}) is recorded durably (the outbox) and
 * also tried online at once. Op ids are chosen by the caller from anything but the card number.
 */
public interface GiftCardAuthority {

    /** A card's balance at head office (masked number). */
    record Balance(String maskedNumber, Money balance, String status) {
    }

    /** What a redemption did: the amount taken and what is left on the card. */
    record Redemption(String opId, String maskedNumber, Money amount, Money balanceAfter) {
    }

    /**
     * The card's balance, online.
     *
     * @throws io.storedesk.pos.common.ProblemException 404 {@code gift-card-unknown}, 503
     *         {@code gift-card-offline} when head office cannot be reached
     */
    Balance balance(@CardData String number);

    /**
     * Takes {@code amount} from the card at head office under op id {@code opId} (a repeat of the op id
     * answers the first outcome).
     *
     * @throws io.storedesk.pos.common.ProblemException 422 {@code gift-card-insufficient} and the others
     *         of head office, 409 {@code gift-card-op-cancelled} when the op id was compensated already,
     *         503 {@code gift-card-offline}
     */
    Redemption redeem(String opId, @CardData String number, Money amount, String document);

    /**
     * Activates ({@code kind} ACTIVATE: a new card) or reloads ({@code RELOAD}) the card with {@code amount} at head
     * office under op id {@code opId} (a repeat of the op id answers the first outcome): a gift card sold at the till.
     *
     * @return the op: the amount loaded and the card's balance after it
     * @throws io.storedesk.pos.common.ProblemException 422 {@code gift-card-already-active}, {@code gift-card-inactive}
     *         and the others of head office, 409 {@code gift-card-op-cancelled}, 503 {@code gift-card-offline}
     */
    Redemption load(String opId, @CardData String number, String kind, Money amount, String document);

    /**
     * Compensates op {@code opId} (a redemption whose sale did not complete): recorded in the outbox in a
     * transaction of its own (so it reaches head office, exactly once, whatever happens next), then tried
     * online at once. Never throws for head office being away.
     */
    void cancel(String opId, @CardData String number);

    /**
     * What card {@code number} may still spend while head office cannot be reached: this store's
     * {@code pos.gift-cards.offline-allowance} (0: none) less its offline redemptions of the card head office
     * has not acknowledged yet.
     */
    Money offlineAllowance(@CardData String number);

    /**
     * Records an offline redemption in the caller's (the sale's) transaction: a {@code GIFT_CARD_OP} REDEEM
     * of the outbox, applied by head office once per op id, even below zero.
     */
    void redeemOffline(String opId, @CardData String number, Money amount, String document);

    /** Whether a compensation of {@code opId} is recorded here and not yet acknowledged by head office. */
    boolean cancelPending(String opId);
}
