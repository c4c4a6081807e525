package io.storedesk.pos.headoffice.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.storedesk.pos.common.ClusterLocks;
import org.springframework.context.annotation.Profile;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies a store's checked batch in one transaction, serialised per store (its {@code ho_store}
 * row locked with SELECT ... FOR UPDATE, the first statement of the transaction; a store's first
 * batch makes the row first): finds what head office already holds of the batch in one query
 * ({@link Known}: event ids, receipts, post-voids, return numbers, loyalty entries), stores the new
 * events as received, and updates the report projections and loyalty balances, with as few round
 * trips to the database as the rows allow (docs/scaling.md, "Round trips of a small batch"): on
 * PostgreSQL the writes are gathered into one {@link BatchStatement} of fixed text, which also
 * updates the store's row; on H2 each writer runs its own statements.
 */
@Service
@Profile("head-office")
class EventIngest {

    record Result(int received, int applied, int duplicates) {
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final ProjectionWriter projections;
    private final LoyaltyBook loyalty;
    private final StockBook stock;
    private final Clock clock;
    private final GiftCardBook giftCards;
    private final boolean postgres;

    EventIngest(JdbcTemplate jdbc, TransactionTemplate tx, ProjectionWriter projections, LoyaltyBook loyalty,
            StockBook stock, Clock clock, GiftCardBook giftCards, ClusterLocks locks) {
        this.postgres = locks.postgres();
        this.stock = stock;
        this.giftCards = giftCards;
        this.jdbc = jdbc;
        this.tx = tx;
        this.projections = projections;
        this.loyalty = loyalty;
        this.clock = clock;
    }

    Result apply(String storeId, List<StoreEvent> events) {
        Result result = tx.execute(status -> applyLocked(storeId, events));
        if (result == null) { // the store's first batch: its lock row is made, then the batch applied
            ensureStoreRow(storeId);
            result = tx.execute(status -> applyLocked(storeId, events));
        }
        return result;
    }

    /** The batch applied under the store's row lock, or null (nothing done) when the store has no row yet. */
    private Result applyLocked(String storeId, List<StoreEvent> events) {
        if (jdbc.queryForList("SELECT store_id FROM ho_store WHERE store_id = ? FOR UPDATE", String.class, storeId)
                .isEmpty()) {
            return null;
        }
        Known known = Known.probe(jdbc, storeId, events, postgres);
        Map<String, StoreEvent> fresh = new LinkedHashMap<>();
        events.forEach(e -> fresh.putIfAbsent(e.eventId(), e));
        fresh.keySet().removeAll(known.events);
        int duplicates = events.size() - fresh.size();
        if (fresh.isEmpty()) {
            return new Result(events.size(), 0, duplicates);
        }
        Instant now = clock.instant();
        Timestamp receivedAt = Timestamp.from(now);
        List<Object[]> rows = new ArrayList<>(fresh.size());
        List<Projected.LoyaltyEntry> entries = new ArrayList<>();
        List<StockBook.Movement> movements = new ArrayList<>();
        List<Projected.GiftCardOp> giftCardOps = new ArrayList<>();
        String currency = null;
        for (StoreEvent e : fresh.values()) {
            rows.add(new Object[] {storeId, e.eventId(), new org.springframework.jdbc.core.SqlParameterValue(
                    java.sql.Types.BIGINT, e.sequence()), e.type(), Timestamp.from(e.occurredAt()),
                    e.payload(), receivedAt});
            if (e.projection() instanceof Projected.LoyaltyEntry entry) {
                entries.add(entry);
            } else if (e.projection() instanceof Projected.StockMovement m) {
                movements.add(new StockBook.Movement(e.eventId(), m));
            } else if (e.projection() instanceof Projected.GiftCardOp op) {
                giftCardOps.add(op);
            } else if (e.projection() instanceof Projected.Sale s) {
                currency = s.currency();
            } else if (e.projection() instanceof Projected.Return r) {
                currency = r.currency();
            }
        }
        BatchStatement writes = postgres ? new BatchStatement() : null;
        if (writes != null) {
            writes.add(BatchStatement.Table.EVENT, rows);
        } else {
            Rows.insert(jdbc, "ho_event", BatchStatement.Table.EVENT.columns, rows);
        }
        List<StoreEvent> applied = List.copyOf(fresh.values());
        projections.write(storeId, applied, known, writes);
        loyalty.apply(storeId, entries, known.loyaltyEntries, now, writes);
        stock.apply(storeId, movements, writes);
        if (writes != null && !giftCardOps.isEmpty()) {
            writes.run(jdbc); // the loyalty cards' rows are locked before the gift cards', as they always were
        }
        giftCardOps.forEach(op -> giftCards.applyEvent(new GiftCardBook.Op(op.opId(), op.number(), op.kind(),
                op.amount(), op.currency(), storeId, op.document(), op.cancels(), op.offline(), op.occurredAt()),
                op.refunds()));
        if (writes != null) {
            writes.run(jdbc, storeId, fresh.size(), receivedAt, currency);
        } else {
            jdbc.update("UPDATE ho_store SET events = events + ?, last_batch_at = ?, currency = COALESCE(?, currency) "
                    + "WHERE store_id = ?", fresh.size(), receivedAt, Rows.text(currency), storeId);
        }
        return new Result(events.size(), fresh.size(), duplicates);
    }

    /** The store's region (the loyalty accounts it pulls include those homed at its region's stores). */
    void setRegion(String storeId, String region) {
        ensureStoreRow(storeId);
        jdbc.update("UPDATE ho_store SET region = ? WHERE store_id = ?", Rows.text(region == null || region.isBlank()
                ? null : region.strip()), storeId);
    }

    /** The store's lock row, made on its first batch (or at start-up for the configured stores). */
    void ensureStoreRow(String storeId) {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM ho_store WHERE store_id = ?", Integer.class, storeId);
        if (n != null && n > 0) {
            return;
        }
        try {
            tx.executeWithoutResult(s -> jdbc.update(
                    "INSERT INTO ho_store (store_id, events) VALUES (?, 0)", storeId));
        } catch (DataIntegrityViolationException raced) {
            // another batch of the same store made it first
        }
    }
}
