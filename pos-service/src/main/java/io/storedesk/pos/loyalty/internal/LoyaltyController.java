package io.storedesk.pos.loyalty.internal;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import io.storedesk.pos.common.Money;
import io.storedesk.pos.common.ProblemException;
import io.storedesk.pos.common.StoreProperties;
import io.storedesk.pos.loyalty.LoyaltyAccounts;
import io.storedesk.pos.loyalty.LoyaltyProperties;
import io.storedesk.pos.loyalty.RemoteLoyaltyCards;
import org.springframework.beans.factory.ObjectProvider;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A card's balance and its points ledger over HTTP. */
@RestController
@RequestMapping("/api/v1/loyalty")
class LoyaltyController {

    private final LoyaltyAccounts accounts;
    private final LoyaltyLedger ledger;
    private final LoyaltyProperties programme;
    private final StoreProperties store;
    private final ObjectProvider<RemoteLoyaltyCards> remote;

    LoyaltyController(LoyaltyAccounts accounts, LoyaltyLedger ledger, LoyaltyProperties programme,
            StoreProperties store, ObjectProvider<RemoteLoyaltyCards> remote) {
        this.remote = remote;
        this.accounts = accounts;
        this.ledger = ledger;
        this.programme = programme;
        this.store = store;
    }

    /**
     * @param balance            points that may be redeemed now
     * @param pendingRedemptions points redeemed at this store not yet synced to head office
     * @param lastSyncedAt       when head office's balance snapshot was taken
     * @param value              what the balance pays as the LOYALTY_POINTS tender
     */
    record CardView(String card, String customerId, long balance, long pendingRedemptions,
            OffsetDateTime lastSyncedAt, String holderName, String tier, String value, String currency) {
    }

    record EntryView(String type, long points, String amount, String receiptNumber, String document,
            OffsetDateTime occurredAt, OffsetDateTime expiresAt) {
    }

    /**
     * A card this store does not hold, or holds only from its own seed file (never from head office,
     * so possibly a card of another store that it does not follow), is looked up at head office
     * online (when the head-office sync is configured) and kept here; head office then sends its
     * later changes to this store. Offline, the store answers with what it has (404 for a card it
     * does not hold, as before).
     */
    @GetMapping("/{card}")
    CardView card(@PathVariable @Size(max = 40) String card) {
        java.util.Optional<LoyaltyAccounts.LoyaltyBalance> held = accounts.find(card);
        if (held.isEmpty() || ledger.fromLocalSeedOnly(card)) {
            RemoteLoyaltyCards headOffice = remote.getIfAvailable();
            if (headOffice != null && headOffice.fetch(card)) {
                held = accounts.find(card);
            }
        }
        LoyaltyAccounts.LoyaltyBalance b = held.orElseThrow(() -> ProblemException.notFound("Loyalty card", card));
        Money value = Money.rounded(programme.pointValue().multiply(BigDecimal.valueOf(Math.max(0, b.balance()))),
                store.currency());
        return new CardView(b.card(), b.customerId(), b.balance(), b.pendingRedemptions(), b.lastSyncedAt(),
                b.holderName(), b.tier(), value.toString(), store.currency().getCurrencyCode());
    }

    /** The card's ledger, newest first. */
    @GetMapping("/{card}/entries")
    @Transactional(readOnly = true)
    List<EntryView> entries(@PathVariable @Size(max = 40) String card,
            @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
        if (ledger.account(card).isEmpty()) {
            throw ProblemException.notFound("Loyalty card", card);
        }
        return ledger.entries(card, limit).stream().map(e -> new EntryView(e.type().name(), e.points(),
                e.amount() == null ? null : Money.rounded(e.amount(), java.util.Currency.getInstance(e.currency())).toString(),
                e.receiptNumber(), e.document(), utc(e.occurredAt()), utc(e.expiresAt()))).toList();
    }

    private static OffsetDateTime utc(java.time.Instant i) {
        return i == null ? null : i.atOffset(ZoneOffset.UTC);
    }
}
