package io.storedesk.pos.loyalty;

/**
 * Head office's copy of a card this store does not hold (a card homed at another store or region):
 * looked up online when the card is asked for here. Implemented by the head-office sync when it is
 * configured; without it, or when head office cannot be reached, the store works with the accounts
 * it has (offline).
 */
public interface RemoteLoyaltyCards {

    /**
     * Asks head office for the card now and imports its account here; false when head office does
     * not know the card or cannot be reached in time. Head office then sends this store the card's
     * later changes with the rest of its loyalty feed.
     */
    boolean fetch(String card);
}
