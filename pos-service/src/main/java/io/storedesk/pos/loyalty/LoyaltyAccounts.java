package io.storedesk.pos.loyalty;

import java.time.OffsetDateTime;
import java.util.Optional;

/** The loyalty module's API: balances of cards, and head office's account snapshots coming in. */
public interface LoyaltyAccounts {

    Optional<LoyaltyBalance> find(String card);

    /** The cards of one customer (e.g. for the customer's page), by card number. */
    java.util.List<LoyaltyBalance> ofCustomer(String customerId);

    /**
     * Creates the account or replaces its snapshot: the balance head office knows, as of {@code asOf}.
     * Used by the demo seed; local ledger entries keep counting on top of it. Head-office sync
     * uses {@link #importPulledSnapshot}, which also marks the entries the snapshot includes.
     */
    void importSnapshot(Snapshot snapshot);

    /**
     * Head-office sync: imports a snapshot pulled from head office and marks the card's ledger
     * entries that head office acknowledged at or before {@code acknowledgedBy} as included in it
     * (they no longer count on top of the snapshot). Call it only with a snapshot requested after
     * {@code acknowledgedBy}, so that every entry acknowledged by then is part of it. A snapshot of
     * a lower version than the one the store holds changes nothing (false); the entries then stay
     * awaiting a snapshot.
     */
    boolean importPulledSnapshot(Snapshot snapshot, java.time.Instant acknowledgedBy);

    /**
     * Head-office sync: head office acknowledged (HTTP 200) the batch holding these ledger entries
     * (ids as in {@link LoyaltyEntryPosted#entryId()}); they no longer count as pending redemptions.
     * In the caller's transaction.
     */
    void markSynced(java.util.Collection<String> entryIds, java.time.Instant acknowledgedAt);

    /** Cards with entries head office acknowledged at or before {@code acknowledgedBy} that no snapshot includes yet. */
    java.util.List<String> cardsAwaitingSnapshot(java.time.Instant acknowledgedBy);

    /**
     * @param balance what head office reported for the card at {@code asOf}
     * @param version head office's version of the card (+1 per change; 0 when not from head office):
     *                a pulled snapshot older than the one the store holds is ignored
     */
    record Snapshot(String card, String customerId, String holderName, String tier, long balance,
            OffsetDateTime asOf, long version) {

        public Snapshot(String card, String customerId, String holderName, String tier, long balance,
                OffsetDateTime asOf) {
            this(card, customerId, holderName, tier, balance, asOf, 0);
        }
    }

    /**
     * A card's balance as the store knows it.
     *
     * @param balance            the snapshot plus the store's ledger entries not in it yet: what may be redeemed
     * @param pendingRedemptions points redeemed here (net of give-backs) not yet synced to head office
     * @param lastSyncedAt       when head office's snapshot was taken
     */
    record LoyaltyBalance(String card, String customerId, String holderName, String tier, long balance,
            long pendingRedemptions, OffsetDateTime lastSyncedAt) {
    }
}
