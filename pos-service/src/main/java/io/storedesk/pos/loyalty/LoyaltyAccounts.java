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
     * Used by the demo seed now; the sync issue will call it with the snapshots it pulls (and then
     * mark the local ledger entries that the new snapshot already includes).
     */
    void importSnapshot(Snapshot snapshot);

    /**
     * @param balance what head office reported for the card at {@code asOf}
     */
    record Snapshot(String card, String customerId, String holderName, String tier, long balance,
            OffsetDateTime asOf) {
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
