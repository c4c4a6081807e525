package io.storedesk.pos.sync.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The outbox table, by plain JDBC: one INSERT per event, read and acknowledged in id order. */
@Component
class Outbox {

    private final JdbcClient jdbc;

    Outbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** In the caller's transaction, so the event commits or rolls back with the change it records. */
    @Transactional(propagation = Propagation.MANDATORY)
    void add(String type, Instant occurredAt, String payload) {
        jdbc.sql("INSERT INTO sync_outbox (event_id, type, occurred_at, payload) VALUES (?, ?, ?, ?)")
                .params(UUID.randomUUID(), type, utc(occurredAt), payload).update();
    }

    /** Up to {@code limit} events head office has not acknowledged yet, oldest (lowest id) first. */
    List<Row> unpushed(int limit) {
        return jdbc.sql("SELECT id, event_id, type, occurred_at, payload FROM sync_outbox WHERE pushed_at IS NULL "
                        + "ORDER BY id FETCH FIRST ? ROWS ONLY")
                .param(limit)
                .query((rs, n) -> new Row(rs.getLong(1), rs.getObject(2, UUID.class), rs.getString(3),
                        rs.getObject(4, OffsetDateTime.class).toInstant(), rs.getString(5)))
                .list();
    }

    /** One UPDATE for a whole acknowledged batch. */
    @Transactional(propagation = Propagation.MANDATORY)
    int markPushed(List<Long> ids, Instant at) {
        return jdbc.sql("UPDATE sync_outbox SET pushed_at = :at WHERE id IN (:ids) AND pushed_at IS NULL")
                .param("at", utc(at)).param("ids", ids).update();
    }

    Pending pending() {
        return jdbc.sql("SELECT COUNT(*), MIN(occurred_at) FROM sync_outbox WHERE pushed_at IS NULL")
                .query((rs, n) -> {
                    OffsetDateTime oldest = rs.getObject(2, OffsetDateTime.class);
                    return new Pending(rs.getLong(1), oldest == null ? null : oldest.toInstant());
                }).single();
    }

    /** Deletes events head office acknowledged before {@code before}. */
    @Transactional
    int deletePushedBefore(Instant before) {
        return jdbc.sql("DELETE FROM sync_outbox WHERE pushed_at IS NOT NULL AND pushed_at < ?")
                .param(utc(before)).update();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    record Row(long id, UUID eventId, String type, Instant occurredAt, String payload) {
    }

    record Pending(long count, Instant oldest) {
    }
}
