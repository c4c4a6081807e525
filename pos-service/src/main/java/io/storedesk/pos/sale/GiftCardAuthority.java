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
     * answers the first outcome). Its compensation is recorded durably before (held back by this process):
     * the sale's transaction calls {@link #settled}, a failed sale {@link #cancel}; a process that dies in
     * between leaves it to be delivered by the next.
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
     * Compensates op {@code opId} (a redemption whose sale did not complete): the compensation recorded before
     * the redemption is released in a transaction of its own (so it reaches head office, exactly once, whatever
     * happens next), then tried online at once. Never throws for head office being away; does nothing for a
     * redemption {@link #settled} by a committed sale.
     */
    void cancel(String opId, @CardData String number);

    /**
     * In the sale's transaction: redemption {@code opId} is the sale's; its compensation goes with the commit.
     *
     * @throws IllegalStateException when the compensation was released already (the sale must fail)
     */
    void settled(String opId);

    /**
     * What card {@code number} may still spend while head office cannot be reached: this store's
     * {@code pos.gift-cards.offline-allowance} (0: none) less its offline redemptions of the card head office
     * has not applied yet. An answer without a lock, for planning: {@link #redeemOffline} checks it again
     * under the card's lock.
     */
    Money offlineAllowance(@CardData String number);

    /**
     * Records an offline redemption in the caller's (the sale's) transaction: a {@code GIFT_CARD_OP} REDEEM
     * of the outbox, applied by head office once per op id, even below zero. Locks the card's offline spend
     * (docs/locking.md, lock 8b) and checks the allowance under that lock.
     *
     * @throws io.storedesk.pos.common.ProblemException 503 {@code gift-card-offline} when other sales spent
     *         the allowance since the tenders were planned
     */
    void redeemOffline(String opId, @CardData String number, Money amount, String document);

    /** Whether a compensation of {@code opId} is recorded here and not yet acknowledged by head office. */
    boolean cancelPending(String opId);
}
