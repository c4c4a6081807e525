package io.storedesk.pos.payment.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.storedesk.pos.common.Ids;
import io.storedesk.pos.common.Money;
import io.storedesk.pos.payment.internal.CardTransactions.CardTransaction;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The persistent store-and-forward queue of reversals, in our own table. A row carries what
 * the 0400/0401 needs (original MTI, STAN, field 7, amount, terminal, RRN) and never a PAN, so
 * it can be sent after any restart. PENDING rows were never on the wire, SENT rows went out
 * without an 0410 yet, ACKNOWLEDGED rows are done. Joins the caller's transaction.
 */
@Repository
class ReversalQueue {

    private static final String COLUMNS = "id, transaction_ref, status, reason, register_id, terminal_id, merchant_id, "
            + "processing_code, amount, currency, stan, original_mti, original_stan, original_transmitted, rrn, "
            + "attempts, next_attempt_at";

    private final JdbcClient jdbc;
    private final Clock clock;

    ReversalQueue(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** One queued reversal. */
    record Reversal(UUID id, String transactionRef, ReversalStatus status, String reason, String registerId,
            String terminalId, String merchantId, String processingCode, Money amount, String stan,
            String originalMti, String originalStan, String originalTransmitted, String rrn, int attempts,
            Instant nextAttemptAt) {
    }

    /**
     * Queues the reversal of a transaction, due now, unless one is queued already.
     *
     * @param stan the reversal's own STAN (field 11), kept for all its repeats
     */
    Reversal enqueue(CardTransaction original, String stan, String reason) {
        Optional<Reversal> existing = forTransaction(original.reference());
        if (existing.isPresent()) {
            return existing.get();
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        UUID id = Ids.timeOrdered();
        jdbc.sql("INSERT INTO payment_reversal (" + COLUMNS + ", created_at) "
                        + "VALUES (?, ?, 'PENDING', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)")
                .params(id, original.reference(), truncate(reason), original.registerId(), original.terminalId(),
                        original.merchantId(), original.processingCode(), original.amount().amount(),
                        original.amount().currency().getCurrencyCode(), stan, original.mti(), original.stan(),
                        original.transmitted(), original.rrn(), now, now)
                .update();
        return forTransaction(original.reference()).orElseThrow();
    }

    Optional<Reversal> forTransaction(String transactionRef) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM payment_reversal WHERE transaction_ref = ?").param(transactionRef)
                .query(ReversalQueue::map).optional();
    }

    /** Unacknowledged reversals whose next attempt is due, oldest first. */
    List<Reversal> due(int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM payment_reversal WHERE status <> 'ACKNOWLEDGED' "
                        + "AND next_attempt_at <= ? ORDER BY created_at FETCH FIRST ? ROWS ONLY")
                .params(OffsetDateTime.now(clock), limit).query(ReversalQueue::map).list();
    }

    /**
     * Takes the next attempt of a reversal: counts it and moves its next attempt to
     * {@code nextAttemptAt}, unless another thread took this attempt first.
     */
    boolean claim(Reversal r, Instant nextAttemptAt) {
        return jdbc.sql("UPDATE payment_reversal SET attempts = attempts + 1, last_attempt_at = ?, next_attempt_at = ? "
                        + "WHERE id = ? AND attempts = ? AND status <> 'ACKNOWLEDGED'")
                .params(OffsetDateTime.now(clock), nextAttemptAt.atOffset(ZoneOffset.UTC), r.id(), r.attempts())
                .update() == 1;
    }

    void markSent(UUID id) {
        jdbc.sql("UPDATE payment_reversal SET status = 'SENT' WHERE id = ? AND status = 'PENDING'").param(id).update();
    }

    /** @return false if it was acknowledged already */
    boolean acknowledge(UUID id, String responseCode) {
        return jdbc.sql("UPDATE payment_reversal SET status = 'ACKNOWLEDGED', response_code = ?, acknowledged_at = ? "
                        + "WHERE id = ? AND status <> 'ACKNOWLEDGED'")
                .params(responseCode, OffsetDateTime.now(clock), id).update() == 1;
    }

    long pendingCount() {
        return jdbc.sql("SELECT COUNT(*) FROM payment_reversal WHERE status <> 'ACKNOWLEDGED'").query(Long.class)
                .single();
    }

    /** After a start: every unacknowledged reversal is due at once. */
    int makeAllDue() {
        return jdbc.sql("UPDATE payment_reversal SET next_attempt_at = ? WHERE status <> 'ACKNOWLEDGED'")
                .param(OffsetDateTime.now(clock)).update();
    }

    private static String truncate(String reason) {
        String r = reason == null || reason.isBlank() ? "unspecified" : reason;
        return r.length() > 200 ? r.substring(0, 200) : r;
    }

    private static Reversal map(ResultSet rs, int row) throws SQLException {
        Currency currency = Currency.getInstance(rs.getString("currency"));
        return new Reversal(rs.getObject("id", UUID.class), rs.getString("transaction_ref"),
                ReversalStatus.valueOf(rs.getString("status")),
                rs.getString("reason"), rs.getString("register_id"), rs.getString("terminal_id"),
                rs.getString("merchant_id"), rs.getString("processing_code"),
                Money.of(rs.getBigDecimal("amount"), currency), rs.getString("stan"), rs.getString("original_mti"),
                rs.getString("original_stan"), rs.getString("original_transmitted"), rs.getString("rrn"),
                rs.getInt("attempts"), rs.getObject("next_attempt_at", OffsetDateTime.class).toInstant());
    }
}
