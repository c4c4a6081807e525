package io.storedesk.pos.headoffice.internal;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import io.storedesk.pos.common.ClusterLocks;
import io.storedesk.pos.loyalty.LoyaltyProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Head office's points expiry: the opening lot of each card (the balance the loyalty seed gave it,
 * dated by the seed's {@code snapshotAt}) expires {@code pos.loyalty.expiry-months} after that date.
 * Points are spent oldest first, and the opening lot is the oldest, so what expires is the lot less
 * every redemption head office has received for the card (net of what was given back), never more
 * than the balance. It is posted as one EXPIRE entry of store {@value #STORE_ID} through
 * {@link LoyaltyBook#apply}, so the card gets the next version and the stores pull the new balance.
 * <p>
 * Stores expire the points earned at them that are not yet in head office's snapshot, and count the
 * snapshot as the oldest lot, "which head office expires": the two never expire the same lot.
 * <p>
 * Daily at {@code pos.loyalty.expiry-cron} on one node of the cluster ({@link ClusterLocks#runExclusively});
 * each lot once: its row is locked and marked settled in the transaction that posts the entry, and the
 * entry's id is derived from the card, so a second run, or a second node, expires nothing more.
 */
@Component
@Profile("head-office")
class OpeningPointsExpiry {

    static final String LOCK = "head-office:points-expiry";
    /** The store id head office's own ledger entries carry. */
    static final String STORE_ID = "HO";
    private static final Logger log = LoggerFactory.getLogger(OpeningPointsExpiry.class);

    private final JdbcTemplate jdbc;
    private final ClusterLocks locks;
    private final LoyaltyBook book;
    private final TransactionTemplate tx;
    private final LoyaltyProperties programme;
    private final Clock clock;

    OpeningPointsExpiry(JdbcTemplate jdbc, ClusterLocks locks, LoyaltyBook book, TransactionTemplate tx,
            LoyaltyProperties programme, Clock clock) {
        this.jdbc = jdbc;
        this.locks = locks;
        this.book = book;
        this.tx = tx;
        this.programme = programme;
        this.clock = clock;
    }

    /** One opening lot from the seed: the card's balance at {@code datedAt}. */
    record Lot(String card, long points, Instant datedAt) {
    }

    /**
     * Records the opening lots once (the first start with a seed, or the first start of this version
     * on a head office seeded before it), for cards head office has; under a cluster lock, so nodes
     * starting together record them once. @return the lots recorded
     */
    int recordOpeningLots(List<Lot> lots) {
        Integer recorded = tx.execute(s -> {
            locks.holdForTransaction(LOCK + ":opening");
            Long known = jdbc.queryForObject("SELECT COUNT(*) FROM ho_loyalty_opening", Long.class);
            if (known != null && known > 0) {
                return 0;
            }
            List<Object[]> rows = new ArrayList<>();
            for (Lot lot : lots) {
                if (lot.points() > 0) {
                    rows.add(new Object[] {lot.card(), lot.points(), Timestamp.from(lot.datedAt()),
                            Timestamp.from(lot.datedAt().atOffset(ZoneOffset.UTC).plusMonths(programme.expiryMonths())
                                    .toInstant())});
                }
            }
            // only cards head office holds (the seed made them); one statement per lot, few lots per chain's seed
            int n = 0;
            for (Object[] r : rows) {
                n += jdbc.update("INSERT INTO ho_loyalty_opening (card, points, dated_at, expires_at) "
                        + "SELECT ?, ?, ?, ? FROM ho_loyalty_account WHERE card = ?", r[0], r[1], r[2], r[3], r[0]);
            }
            return n;
        });
        return recorded == null ? 0 : recorded;
    }

    @Scheduled(cron = "${pos.loyalty.expiry-cron:0 15 3 * * *}", zone = "${pos.store.zone:UTC}")
    void expireDuePoints() {
        try {
            long expired = run(clock);
            if (expired > 0) {
                log.info("Head office expired {} loyalty points of opening balances", expired);
            }
        } catch (RuntimeException e) {
            log.warn("Head-office points expiry failed (it runs again tomorrow): {}", e.getMessage());
        }
    }

    /** Expires what is due by the clock's now, on this node unless another runs it now; returns the points expired. */
    long run(Clock now) {
        AtomicLong total = new AtomicLong();
        locks.runExclusively(LOCK, () -> total.set(expireDue(now.instant())));
        return total.get();
    }

    private long expireDue(Instant at) {
        long total = 0;
        List<String> due = jdbc.queryForList("SELECT card FROM ho_loyalty_opening WHERE settled_at IS NULL "
                + "AND expires_at <= ? ORDER BY card", String.class, Timestamp.from(at));
        for (String card : due) {
            total += expire(card, at);
        }
        return total;
    }

    /** One card's lot in a transaction of its own; again when a batch changed the card meanwhile. */
    private long expire(String card, Instant at) {
        for (int attempt = 1; ; attempt++) {
            try {
                Long points = tx.execute(s -> expireLot(card, at));
                return points == null ? 0 : points;
            } catch (CardChanged | DataIntegrityViolationException e) {
                if (attempt >= 5) {
                    log.warn("Opening points of card {} not expired this time: {}", card, e.getMessage());
                    return 0;
                }
            }
        }
    }

    private long expireLot(String card, Instant at) {
        // lock the lot (only this job touches it), then, through apply, what a batch locks: no cycle
        List<Long> lot = jdbc.queryForList("SELECT points FROM ho_loyalty_opening WHERE card = ? "
                + "AND settled_at IS NULL FOR UPDATE", Long.class, card);
        if (lot.isEmpty()) {
            return 0; // settled meanwhile (another node)
        }
        long opening = lot.get(0);
        Figures before = figures(card);
        long points = before.due(opening, 0);
        if (points > 0) {
            book.apply(STORE_ID, List.of(new Projected.LoyaltyEntry(entryId(card), card, "EXPIRE", -points)), at);
            // the account row is now locked by this transaction: the figures cannot move any more;
            // had a batch changed them between the first look and the entry, start again
            if (figures(card).due(opening, points) != points) {
                throw new CardChanged(card);
            }
        }
        jdbc.update("UPDATE ho_loyalty_opening SET settled_at = ?, expired_points = ? WHERE card = ?",
                Timestamp.from(at), points, card);
        return points;
    }

    /** The card's redemptions net of give-backs, head office's expiries, and its balance. */
    private Figures figures(String card) {
        long[] sums = jdbc.queryForObject("SELECT "
                + "COALESCE(SUM(CASE WHEN entry_type IN ('REDEEM', 'REDEEM_RETURNED') THEN -points END), 0), "
                + "COALESCE(SUM(CASE WHEN entry_type = 'EXPIRE' AND store_id = ? THEN -points END), 0) "
                + "FROM ho_loyalty_entry WHERE card = ?", (rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)},
                STORE_ID, card);
        List<Long> balance = jdbc.queryForList("SELECT balance FROM ho_loyalty_account WHERE card = ?", Long.class, card);
        return new Figures(sums[0], sums[1], balance.isEmpty() ? 0 : balance.get(0));
    }

    private record Figures(long spent, long expired, long balance) {

        /** What is left of the opening lot to expire, had {@code mine} (already counted here) not been posted. */
        long due(long opening, long mine) {
            long left = opening - Math.max(0, spent) - (expired - mine);
            return Math.max(0, Math.min(left, balance + mine));
        }
    }

    static String entryId(String card) {
        return UUID.nameUUIDFromBytes(("head-office:opening-expiry:" + card).getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static final class CardChanged extends RuntimeException {
        CardChanged(String card) {
            super("card " + card + " changed while its opening points were expired", null, false, false);
        }
    }
}
