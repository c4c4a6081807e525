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
 * {@code pos.loyalty.expiry-cron}, of the entries head office has not acknowledged yet
 * ({@code synced_at IS NULL}): head office expires every lot it holds, the store's own entries once
 * they reached it included (docs/head-office.md, "Who expires what"), and counts the store's EXPIRE
 * entries when they arrive, so no lot expires twice. Points are spent oldest first: what head office
 * holds (the snapshot and the entries acknowledged since) is the oldest lot, then the points earned
 * here and not acknowledged, by date. So what expires is those earned points now due, less what the
 * unacknowledged redemptions spent of them beyond head office's part and less what expired before;
 * never more than the balance. Each expiry is an EXPIRE entry, journaled on the store chain. Running
 * it again expires nothing more.
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
        long balance = ledger.balance(account);
        long headOffice = balance - f.unsynced(); // the snapshot and the entries acknowledged since
        long spentOfEarned = Math.max(0, f.redeemed() - Math.max(0, headOffice));
        long due = f.earnedDue() - spentOfEarned - f.expired();
        long points = Math.min(due, balance);
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
