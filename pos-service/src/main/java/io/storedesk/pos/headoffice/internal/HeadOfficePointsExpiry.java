package io.storedesk.pos.headoffice.internal;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * Head office's points expiry: every lot head office holds expires {@code pos.loyalty.expiry-months}
 * after its date. A card's lots are its opening lot (the balance the loyalty seed gave it, dated by
 * the seed's {@code snapshotAt}, recorded in {@code ho_loyalty_opening}) and each EARN any store sent,
 * dated by the store's time of the earn ({@code occurred_at}), net of the EARN_REVERSED entries of the
 * same sale. Points are spent oldest first, so at {@code t} what is left to expire is
 * <pre>
 *   min( lots due by t - max(0, redeemed - given back) - expired so far (by every store and head office),
 *        balance )                                                        (never below 0)
 * </pre>
 * It is posted as one EXPIRE entry of store {@value #STORE_ID} through {@link LoyaltyBook#apply}, so
 * the card gets the next version and the stores pull the new balance. A store expires only its own
 * entries head office has not acknowledged yet; their EARN and the store's EXPIRE both reach head
 * office, where the EXPIRE counts as expired: no lot expires twice.
 * <p>
 * Daily at {@code pos.loyalty.expiry-cron} on one node of the cluster ({@link ClusterLocks#runExclusively}).
 * It looks at the cards whose opening lot is due and unsettled, whose earned lots fell due since its last
 * run ({@code ho_job}), or whose due lots arrived since then; each card in a transaction of its own,
 * its figures read again once the account row is held (a batch that changed the card in between makes
 * it start again). A second run, or the job on a second node, finds nothing more to expire.
 */
@Component
@Profile("head-office")
class HeadOfficePointsExpiry {

    static final String LOCK = "head-office:points-expiry";
    /** The store id head office's own ledger entries carry. */
    static final String STORE_ID = "HO";
    /** How far a lot's due date may be from occurred_at + months by the search's arithmetic (month ends). */
    private static final Duration SLACK = Duration.ofDays(4);
    /**
     * A lot that arrived already due, less than this before the run, waits for the next run: it comes
     * from a store's backlog, whose EXPIRE of it (if the store expired it) may be in a later batch.
     */
    static final Duration ARRIVAL_GRACE = Duration.ofHours(1);
    private static final Logger log = LoggerFactory.getLogger(HeadOfficePointsExpiry.class);

    private final JdbcTemplate jdbc;
    private final ClusterLocks locks;
    private final LoyaltyBook book;
    private final TransactionTemplate tx;
    private final LoyaltyProperties programme;
    private final Clock clock;
    private final String node;

    HeadOfficePointsExpiry(JdbcTemplate jdbc, ClusterLocks locks, LoyaltyBook book, TransactionTemplate tx,
            LoyaltyProperties programme, Clock clock) {
        this.jdbc = jdbc;
        this.locks = locks;
        this.book = book;
        this.tx = tx;
        this.programme = programme;
        this.clock = clock;
        this.node = ManagementFactory.getRuntimeMXBean().getName();
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
                            Timestamp.from(due(lot.datedAt()))});
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
                log.info("Head office expired {} loyalty points", expired);
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
        List<Timestamp> last = jdbc.queryForList("SELECT last_run_at FROM ho_job WHERE name = ?", Timestamp.class, LOCK);
        // the first run, or a clock set back before the last run, looks at every card with a lot due
        Instant since = last.isEmpty() || last.get(0).toInstant().isAfter(at) ? null : last.get(0).toInstant();
        Timestamp upTo = Timestamp.from(minusMonths(at).plus(SLACK));
        List<Object> params = new ArrayList<>(List.of(Timestamp.from(at), upTo));
        StringBuilder sql = new StringBuilder("SELECT card FROM ho_loyalty_opening WHERE settled_at IS NULL "
                + "AND expires_at <= ? UNION SELECT card FROM ho_loyalty_entry WHERE entry_type = 'EARN' AND occurred_at <= ?");
        if (since != null) {
            // lots that fell due since the last run, and lots due already that arrived since then
            sql.append(" AND occurred_at > ? UNION SELECT card FROM ho_loyalty_entry WHERE entry_type = 'EARN' "
                    + "AND applied_at > ? AND occurred_at <= ?");
            params.addAll(List.of(Timestamp.from(minusMonths(since).minus(SLACK)),
                    Timestamp.from(since.minus(ARRIVAL_GRACE)), upTo));
        }
        List<String> cards = jdbc.queryForList(sql.append(" ORDER BY card").toString(), String.class, params.toArray());
        long total = 0;
        boolean all = true;
        for (String card : cards) {
            long points = expire(card, at);
            if (points < 0) {
                all = false;
            } else {
                total += points;
            }
        }
        if (all) {
            // the next run looks from here; a card that could not be done keeps this turn's window open
            Timestamp ran = Timestamp.from(at);
            if (jdbc.update("UPDATE ho_job SET last_run_at = ?, last_node = ? WHERE name = ?", ran, node, LOCK) == 0) {
                jdbc.update("INSERT INTO ho_job (name, last_run_at, last_node) VALUES (?, ?, ?)", LOCK, ran, node);
            }
        }
        return total;
    }

    /** One card in a transaction of its own; again when a batch changed the card meanwhile. -1: not done. */
    private long expire(String card, Instant at) {
        for (int attempt = 1; ; attempt++) {
            try {
                Long points = tx.execute(s -> expireCard(card, at));
                return points == null ? 0 : points;
            } catch (CardChanged | DataIntegrityViolationException e) {
                if (attempt >= 5) {
                    log.warn("Points of card {} not expired this time: {}", card, e.getMessage());
                    return -1;
                }
            }
        }
    }

    private long expireCard(String card, Instant at) {
        // lock the opening lot (only this job touches it), then, through apply, what a batch locks: no cycle
        List<long[]> opening = jdbc.query("SELECT points, CASE WHEN settled_at IS NULL THEN 0 ELSE 1 END "
                + "FROM ho_loyalty_opening WHERE card = ? AND expires_at <= ? FOR UPDATE",
                (rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}, card, Timestamp.from(at));
        long openingDue = opening.isEmpty() ? 0 : opening.get(0)[0];
        Figures before = figures(card, at, openingDue);
        long points = before.due(0);
        if (points > 0) {
            book.apply(STORE_ID, List.of(new Projected.LoyaltyEntry(entryId(card, before.expired()), card, "EXPIRE",
                    -points, at, null)), at);
            // the account row is now locked by this transaction: the figures cannot move any more;
            // had a batch changed them between the first look and the entry, start again
            if (figures(card, at, openingDue).due(points) != points) {
                throw new CardChanged(card);
            }
        }
        if (!opening.isEmpty() && opening.get(0)[1] == 0) {
            jdbc.update("UPDATE ho_loyalty_opening SET settled_at = ?, expired_points = ? WHERE card = ?",
                    Timestamp.from(at), points, card);
        }
        return points;
    }

    /** The card's lots due by {@code at}, redemptions net of give-backs, every side's expiries, and its balance. */
    private Figures figures(String card, Instant at, long openingDue) {
        record Row(String store, String type, long points, Instant occurredAt, String receipt, Instant appliedAt) {
        }
        List<Row> rows = jdbc.query("SELECT store_id, entry_type, points, occurred_at, receipt_number, applied_at "
                + "FROM ho_loyalty_entry WHERE card = ?", (rs, n) -> new Row(rs.getString(1), rs.getString(2),
                rs.getLong(3), rs.getObject(4, OffsetDateTime.class).toInstant(), rs.getString(5),
                rs.getObject(6, OffsetDateTime.class).toInstant()), card);
        Map<String, Instant> earnedAt = new HashMap<>(); // (store, receipt) -> when its EARN was
        for (Row r : rows) {
            if (r.type().equals("EARN") && r.receipt() != null) {
                earnedAt.merge(r.store() + '\n' + r.receipt(), r.occurredAt(), (x, y) -> x.isBefore(y) ? x : y);
            }
        }
        long lotsDue = openingDue;
        long spent = 0;
        long expired = 0;
        for (Row r : rows) {
            switch (r.type()) {
                case "EARN" -> {
                    Instant due = due(r.occurredAt());
                    boolean backlog = r.appliedAt().isAfter(due) && r.appliedAt().isAfter(at.minus(ARRIVAL_GRACE));
                    lotsDue += due.isAfter(at) || backlog ? 0 : r.points();
                }
                case "EARN_REVERSED" -> {
                    // nets the lot of its sale; without one, a lot of its own date
                    Instant dated = r.receipt() == null ? null : earnedAt.get(r.store() + '\n' + r.receipt());
                    lotsDue += due(dated == null ? r.occurredAt() : dated).isAfter(at) ? 0 : r.points();
                }
                case "REDEEM", "REDEEM_RETURNED" -> spent -= r.points();
                case "EXPIRE" -> expired -= r.points();
                default -> {
                }
            }
        }
        List<Long> balance = jdbc.queryForList("SELECT balance FROM ho_loyalty_account WHERE card = ?", Long.class, card);
        return new Figures(lotsDue, spent, expired, balance.isEmpty() ? 0 : balance.get(0));
    }

    private record Figures(long lotsDue, long spent, long expired, long balance) {

        /** What is left of the due lots to expire, had {@code mine} (already counted here) not been posted. */
        long due(long mine) {
            long left = lotsDue - Math.max(0, spent) - (expired - mine);
            return Math.max(0, Math.min(left, balance + mine));
        }
    }

    /** When a lot dated {@code datedAt} is due (the store dates its earned points the same way). */
    private Instant due(Instant datedAt) {
        return datedAt.atOffset(ZoneOffset.UTC).plusMonths(programme.expiryMonths()).toInstant();
    }

    private Instant minusMonths(Instant at) {
        return at.atOffset(ZoneOffset.UTC).minusMonths(programme.expiryMonths()).toInstant();
    }

    /** Derived from the card and what had expired of it before: the same state gives the same entry. */
    static String entryId(String card, long expiredBefore) {
        return UUID.nameUUIDFromBytes(("head-office:expiry:" + card + ":" + expiredBefore)
                .getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static final class CardChanged extends RuntimeException {
        CardChanged(String card) {
            super("card " + card + " changed while its points were expired", null, false, false);
        }
    }
}
