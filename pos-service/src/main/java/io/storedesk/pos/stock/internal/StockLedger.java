package io.storedesk.pos.stock.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

import io.storedesk.pos.common.ClusterLocks;
import io.storedesk.pos.stock.StockMoved;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * On hand per SKU and its movements, by plain JDBC, always in the caller's transaction (the sale,
 * return, post-void, receipt, adjustment or count that moves the stock). Each SKU's row is changed
 * with one atomic {@code UPDATE ... SET on_hand = on_hand + ?} (an upsert when the SKU has no row
 * yet), which also locks it until the document commits; the rows are taken in SKU order, so two
 * documents moving the same SKUs never wait on each other crosswise (docs/locking.md, lock 10).
 * Negative on hand is allowed: nothing here refuses a sale.
 */
@Component
class StockLedger {

    enum Reason { SALE, RETURN_RESTOCKED, POST_VOID, RECEIVED, ADJUSTMENT, COUNT }

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final boolean postgres;

    StockLedger(JdbcClient jdbc, ApplicationEventPublisher events, ClusterLocks locks) {
        this.jdbc = jdbc;
        this.events = events;
        this.postgres = locks.postgres();
    }

    /**
     * Writes the movements of one document ({@code deltas}: signed quantity per SKU; zero entries are
     * skipped), updates on hand and publishes {@link StockMoved} (the outbox records it in the same
     * transaction). @return on hand of each moved SKU afterwards, in SKU order
     */
    @Transactional(propagation = Propagation.MANDATORY)
    SortedMap<String, Integer> move(Reason reason, String reasonCode, String note, String document, String user,
            Instant at, Map<String, Integer> deltas) {
        return move(reason, reasonCode, note, document, user, at, deltas, true);
    }

    /** {@code report}: read back each SKU's on hand for the answer (a document of another module needs none). */
    private SortedMap<String, Integer> move(Reason reason, String reasonCode, String note, String document, String user,
            Instant at, Map<String, Integer> deltas, boolean report) {
        SortedMap<String, Integer> sorted = new TreeMap<>();
        deltas.forEach((sku, q) -> {
            if (sku != null && q != null && q != 0) {
                sorted.merge(sku, q, Integer::sum);
            }
        });
        sorted.values().removeIf(q -> q == 0);
        SortedMap<String, Integer> after = new TreeMap<>();
        if (sorted.isEmpty()) {
            return after;
        }
        OffsetDateTime when = at.atOffset(ZoneOffset.UTC);
        String kept = note == null || note.length() <= 200 ? note : note.substring(0, 200);
        List<StockMoved.Line> lines = new ArrayList<>(sorted.size());
        for (Map.Entry<String, Integer> e : sorted.entrySet()) {
            add(e.getKey(), e.getValue(), when);
            jdbc.sql("INSERT INTO stock_movement (sku, quantity, reason, reason_code, reason_note, document, user_name, "
                            + "occurred_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(e.getKey(), e.getValue(), reason.name(), reasonCode, kept, document, user, when).update();
            lines.add(new StockMoved.Line(e.getKey(), e.getValue()));
            if (report) {
                after.put(e.getKey(), onHand(e.getKey()));
            }
        }
        events.publishEvent(new StockMoved(document, reason.name(), reasonCode, kept, user, at, List.copyOf(lines)));
        return after;
    }

    /**
     * As {@link #move}, for a document recorded by another module (a sale, return, post-void): the
     * movements are written just before the document's transaction commits, inside it, together with
     * those of every other document of the same transaction (an exchange's return and new sale) in one
     * pass in SKU order. So the stock rows are the very last rows the transaction locks, after every
     * lock the document took in docs/locking.md's order, and the movements commit or roll back with
     * the document.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void moveAtCommit(Reason reason, String note, String document, String user, Instant at,
            Map<String, Integer> deltas) {
        @SuppressWarnings("unchecked")
        List<Pending> pending = (List<Pending>) TransactionSynchronizationManager.getResource(this);
        if (pending == null) {
            List<Pending> list = new ArrayList<>();
            TransactionSynchronizationManager.bindResource(this, list);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    writePending(list);
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(StockLedger.this);
                }
            });
            pending = list;
        }
        pending.add(new Pending(reason, note, document, user, at, deltas));
    }

    private record Pending(Reason reason, String note, String document, String user, Instant at,
            Map<String, Integer> deltas) {
    }

    private void writePending(List<Pending> pending) {
        // one document moves its SKUs in SKU order itself; several (an exchange's return and new sale)
        // first lock every SKU of them in one pass in SKU order
        if (pending.size() > 1) {
            SortedSet<String> skus = new TreeSet<>();
            pending.forEach(p -> p.deltas().forEach((sku, q) -> {
                if (sku != null && q != null) {
                    skus.add(sku);
                }
            }));
            OffsetDateTime first = pending.get(0).at().atOffset(ZoneOffset.UTC);
            skus.forEach(sku -> add(sku, 0, first));
        }
        for (Pending p : List.copyOf(pending)) {
            move(p.reason(), null, p.note(), p.document(), p.user(), p.at(), p.deltas(), false);
        }
        pending.clear();
    }

    /**
     * Locks the rows of these SKUs in SKU order (making a zero row for one never moved) and returns
     * what they hold: a count decides its differences under these locks.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    SortedMap<String, Integer> lock(Iterable<String> skus, Instant at) {
        SortedMap<String, Integer> held = new TreeMap<>();
        skus.forEach(s -> held.put(s, 0));
        OffsetDateTime when = at.atOffset(ZoneOffset.UTC);
        for (String sku : held.keySet()) {
            add(sku, 0, when);
            held.put(sku, onHand(sku));
        }
        return held;
    }

    /** On hand now (0 for a SKU never moved). */
    int onHand(String sku) {
        return jdbc.sql("SELECT on_hand FROM stock_on_hand WHERE sku = ?").param(sku).query(Integer.class).optional()
                .orElse(0);
    }

    private void add(String sku, int quantity, OffsetDateTime when) {
        int updated = jdbc.sql("UPDATE stock_on_hand SET on_hand = on_hand + ?, updated_at = ? WHERE sku = ?")
                .params(quantity, when, sku).update();
        if (updated == 1) {
            return;
        }
        // the SKU's first movement: an upsert, so two documents making the row at once both count
        String upsert = postgres
                ? "INSERT INTO stock_on_hand (sku, on_hand, updated_at) VALUES (?, ?, ?) ON CONFLICT (sku) DO UPDATE "
                        + "SET on_hand = stock_on_hand.on_hand + EXCLUDED.on_hand, updated_at = EXCLUDED.updated_at"
                : "MERGE INTO stock_on_hand t USING (VALUES (CAST(? AS VARCHAR(64)), CAST(? AS INTEGER), "
                        + "CAST(? AS TIMESTAMP WITH TIME ZONE))) AS d (sku, on_hand, updated_at) ON t.sku = d.sku "
                        + "WHEN MATCHED THEN UPDATE SET on_hand = t.on_hand + d.on_hand, updated_at = d.updated_at "
                        + "WHEN NOT MATCHED THEN INSERT (sku, on_hand, updated_at) VALUES (d.sku, d.on_hand, d.updated_at)";
        jdbc.sql(upsert).params(sku, quantity, when).update();
    }
}
