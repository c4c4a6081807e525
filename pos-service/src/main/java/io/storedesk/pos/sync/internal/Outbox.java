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

import io.storedesk.pos.common.Ids;

/** The outbox table, by plain JDBC: one INSERT per event, read and acknowledged in id order. */
@Component
class Outbox {

    private final JdbcClient jdbc;
    /** This process's boot id: the rows it holds back while the change they compensate is in flight. */
    private final String boot = UUID.randomUUID().toString();

    Outbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** In the caller's transaction, so the event commits or rolls back with the change it records. */
    @Transactional(propagation = Propagation.MANDATORY)
    void add(String type, Instant occurredAt, String payload) {
        jdbc.sql("INSERT INTO sync_outbox (event_id, type, occurred_at, payload) VALUES (?, ?, ?, ?)")
                .params(Ids.timeOrdered(), type, utc(occurredAt), payload).update();
    }

    /**
     * In the caller's transaction: an event held back by this process ({@code held_by} = its boot id) until
     * {@link #release}d; deleted instead with {@link #removeHeld}. A process that dies holding it leaves it to
     * the next one, which sends it like any other (docs/head-office.md "Gift cards": the compensation of a
     * redemption written before the redemption).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void addHeld(UUID eventId, String type, Instant occurredAt, String payload) {
        jdbc.sql("INSERT INTO sync_outbox (event_id, type, occurred_at, payload, held_by) VALUES (?, ?, ?, ?, ?)")
                .params(eventId, type, utc(occurredAt), payload, boot).update();
    }

    /** In the caller's transaction: lets the worker send a held event. @return whether this process held it */
    @Transactional(propagation = Propagation.MANDATORY)
    boolean release(UUID eventId) {
        return jdbc.sql("UPDATE sync_outbox SET held_by = NULL WHERE event_id = ? AND held_by = ?")
                .params(eventId, boot).update() == 1;
    }

    /** In the caller's transaction: deletes an event this process still holds. @return whether it did */
    @Transactional(propagation = Propagation.MANDATORY)
    boolean removeHeld(UUID eventId) {
        return jdbc.sql("DELETE FROM sync_outbox WHERE event_id = ? AND held_by = ?").params(eventId, boot)
                .update() == 1;
    }

    /** Whether event {@code eventId} waits in the outbox (held or not). */
    boolean contains(UUID eventId) {
        return jdbc.sql("SELECT COUNT(*) FROM sync_outbox WHERE event_id = ?").param(eventId).query(Long.class)
                .single() > 0;
    }

    /**
     * Up to {@code limit} events head office has not acknowledged yet, oldest (lowest id) first; not those
     * this process holds back (rows a dead process held are sent).
     */
    List<Row> unpushed(int limit) {
        return jdbc.sql("SELECT id, event_id, type, occurred_at, payload FROM sync_outbox "
                        + "WHERE held_by IS NULL OR held_by <> ? ORDER BY id FETCH FIRST ? ROWS ONLY")
                .params(boot, limit)
                .query((rs, n) -> new Row(rs.getLong(1), rs.getObject(2, UUID.class), rs.getString(3),
                        rs.getObject(4, OffsetDateTime.class).toInstant(), rs.getString(5)))
                .list();
    }

    /**
     * Removes a batch head office acknowledged, with one DELETE, by event id, the key head office
     * knows the event by (the id column is only the database's order). (Rewriting each row with a
     * "pushed" mark instead made H2 write every payload again: the drain ran at half the speed.
     * The journal keeps the history; the outbox only holds what head office still lacks.)
     */
    @Transactional(propagation = Propagation.MANDATORY)
    int acknowledged(List<UUID> eventIds) {
        return jdbc.sql("DELETE FROM sync_outbox WHERE event_id IN (:ids)").param("ids", eventIds).update();
    }

    /**
     * How many events wait and when the first of them (lowest id) happened. Two statements H2 answers
     * without reading the table (a plain row count, the first row by primary key): the status is
     * polled while a backlog of 100,000 drains, and a COUNT with MIN read every row each time.
     */
    Pending pending() {
        long count = jdbc.sql("SELECT COUNT(*) FROM sync_outbox").query(Long.class).single();
        Instant oldest = count == 0 ? null
                : jdbc.sql("SELECT occurred_at FROM sync_outbox ORDER BY id FETCH FIRST 1 ROW ONLY")
                        .query((rs, n) -> rs.getObject(1, OffsetDateTime.class).toInstant()).optional().orElse(null);
        return new Pending(count, oldest);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    record Row(long id, UUID eventId, String type, Instant occurredAt, String payload) {
    }

    record Pending(long count, Instant oldest) {
    }
}
