package io.storedesk.pos.loyalty.internal;

import io.storedesk.pos.common.StoreOnly;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import io.storedesk.pos.common.StoreProperties;
import io.storedesk.pos.journal.Journal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Expires earned points {@code pos.loyalty.expiry-months} after their sale, daily at
 * {@code pos.loyalty.expiry-cron}. Points are spent oldest first: the head-office snapshot is the
 * oldest lot (head office expires the opening balances in it; the points earned here that a snapshot
 * took in are not expired by either side yet: docs/head-office.md, "Who expires what"), then the
 * points earned here by date. So what
 * expires is the earned points now due, less what redemptions beyond the snapshot already spent
 * of them and less what expired before; never more than the balance. Each expiry is an EXPIRE
 * entry, journaled on the store chain. Running it again expires nothing more.
 */
@StoreOnly
@Component
class PointsExpiry {

    private static final Logger log = LoggerFactory.getLogger(PointsExpiry.class);

    private final LoyaltyLedger ledger;
    private final Journal journal;
    private final TransactionTemplate tx;
    private final StoreProperties store;
    private final Clock clock;

    PointsExpiry(LoyaltyLedger ledger, Journal journal, TransactionTemplate tx, StoreProperties store, Clock clock) {
        this.ledger = ledger;
        this.journal = journal;
        this.tx = tx;
        this.store = store;
        this.clock = clock;
    }

    @Scheduled(cron = "${pos.loyalty.expiry-cron:0 15 3 * * *}", zone = "${pos.store.zone:UTC}")
    void expireDuePoints() {
        long expired = expire(clock);
        if (expired > 0) {
            log.info("Expired {} loyalty points", expired);
        }
    }

    /** Expires what is due by the clock's now, one card per transaction; returns the points expired. */
    long expire(Clock now) {
        Instant at = now.instant();
        String document = "EXPIRY-" + LocalDate.ofInstant(at, store.zone());
        long total = 0;
        for (String card : ledger.cardsWithPointsDue(at)) {
            Long points = tx.execute(s -> expire(card, at, document));
            total += points == null ? 0 : points;
        }
        return total;
    }

    private long expire(String card, Instant at, String document) {
        Account account = ledger.lock(card).orElseThrow();
        LoyaltyLedger.ExpiryFigures f = ledger.expiryFigures(card, at);
        long spentOfEarned = Math.max(0, f.redeemed() - account.snapshotBalance());
        long due = f.earnedDue() - spentOfEarned - f.expired();
        long points = Math.min(due, ledger.balance(account));
        if (points <= 0) {
            return 0;
        }
        ledger.append(new Entry(UUID.randomUUID(), card, EntryType.EXPIRE, -points, null, null, null, document, null,
                at, null, "system"));
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("card", card);
        payload.put("points", points);
        payload.put("asOf", at.atOffset(ZoneOffset.UTC).toString());
        journal.append(Journal.STORE_CHAIN, "LOYALTY_POINTS_EXPIRED", "system", document, payload);
        return points;
    }
}
