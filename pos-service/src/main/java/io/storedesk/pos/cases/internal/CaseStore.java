package io.storedesk.pos.cases.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.storedesk.pos.common.Money;
import io.storedesk.pos.common.SqlFilter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Stores service cases and their history by plain JDBC. The history is only ever appended to;
 * the only exception is {@link #eraseTexts}, which blanks free text when a customer is erased.
 */
@Component
class CaseStore {

    private static final String COLUMNS = "case_number, status, category, channel, subject, description, customer_id, "
            + "receipt_number, opened_by, opened_at, first_response_at, escalated_to, follow_up_due, resolution, "
            + "resolved_at, resolved_by, goodwill_type, goodwill_amount, goodwill_code, goodwill_approved_by, closed_at, "
            + "id, last_event";

    private final JdbcClient jdbc;
    private final Currency currency;

    CaseStore(JdbcClient jdbc, io.storedesk.pos.common.StoreProperties store) {
        this.jdbc = jdbc;
        this.currency = store.currency();
    }

    /** A case with the key and the number of its last history entry, for changes. */
    record Row(UUID id, int lastEvent, CaseView view) {

        CaseStatus status() {
            return CaseStatus.valueOf(view.status());
        }
    }

    long nextNumber() {
        jdbc.sql("UPDATE case_counter SET last_value = last_value + 1 WHERE name = 'CASE'").update();
        return jdbc.sql("SELECT last_value FROM case_counter WHERE name = 'CASE'").query(Long.class).single();
    }

    void insert(UUID id, String caseNumber, CaseRequests.Open r, UUID customerId, String user, OffsetDateTime now) {
        jdbc.sql("INSERT INTO service_case (id, case_number, customer_id, receipt_number, category, channel, subject, "
                        + "description, status, opened_by, opened_at, last_event) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?, ?, 0)")
                .params(id, caseNumber, customerId, r.receiptNumber(), r.category().name(), r.channel().name(),
                        r.subject(), r.description(), user, now)
                .update();
    }

    Optional<Row> find(String caseNumber, boolean lock) {
        // lock 5 of docs/locking.md (the service case, before its customer) when locked
        return jdbc.sql("SELECT " + COLUMNS + " FROM service_case WHERE case_number = ?" + (lock ? " FOR UPDATE" : ""))
                .param(caseNumber)
                .query((rs, n) -> new Row(rs.getObject(22, UUID.class), rs.getInt(23), view(rs)))
                .optional();
    }

    /** Appends one history entry and counts it on the case. */
    void append(Row row, String type, String actor, OffsetDateTime at, CaseStatus from, CaseStatus to, LocalDate due,
            String text) {
        int seq = row.lastEvent() + 1;
        jdbc.sql("INSERT INTO service_case_event (case_id, seq, type, occurred_at, actor, status_from, status_to, due, "
                        + "text) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(row.id(), seq, type, at, actor, from == null ? null : from.name(), to == null ? null : to.name(),
                        due, text)
                .update();
        jdbc.sql("UPDATE service_case SET last_event = ? WHERE id = ?").params(seq, row.id()).update();
    }

    /** Sets columns of the case; {@code assignments} like "status = ?, escalated_to = ?". */
    void set(UUID id, String assignments, Object... values) {
        Object[] params = new Object[values.length + 1];
        System.arraycopy(values, 0, params, 0, values.length);
        params[values.length] = id;
        jdbc.sql("UPDATE service_case SET " + assignments + " WHERE id = ?").params(params).update();
    }

    List<CaseView.Event> history(UUID id) {
        return jdbc.sql("SELECT seq, type, occurred_at, actor, status_from, status_to, due, text "
                        + "FROM service_case_event WHERE case_id = ? ORDER BY seq")
                .param(id)
                .query((rs, n) -> new CaseView.Event(rs.getInt(1), rs.getString(2), time(rs, 3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getObject(7, LocalDate.class),
                        rs.getString(8)))
                .list();
    }

    /** Cases by status and/or customer, or with a follow-up due on or before a day, at most {@code limit}. */
    /** The goodwill a customer got at case resolutions since {@code since}. */
    io.storedesk.pos.common.Money goodwillSince(UUID customerId, OffsetDateTime since, java.util.Currency currency) {
        java.math.BigDecimal sum = jdbc.sql("SELECT COALESCE(SUM(goodwill_amount), 0) FROM service_case "
                        + "WHERE customer_id = ? AND goodwill_amount IS NOT NULL AND resolved_at >= ?")
                .params(customerId, since).query(java.math.BigDecimal.class).single();
        return io.storedesk.pos.common.Money.of(sum, currency);
    }

    List<CaseView> list(String status, LocalDate followUpDue, UUID customerId, int limit) {
        SqlFilter filter = new SqlFilter().andIf(status, "status = ?").andIf(customerId, "customer_id = ?")
                .andIf(followUpDue, "follow_up_due <= ? AND status IN ('OPEN', 'IN_PROGRESS', 'ESCALATED')");
        String order = followUpDue != null ? "follow_up_due, case_number" : "opened_at DESC, case_number DESC";
        return jdbc.sql("SELECT " + COLUMNS + " FROM service_case WHERE " + filter.where() + " ORDER BY " + order
                        + " FETCH FIRST ? ROWS ONLY")
                .params(filter.params(limit)).query((rs, n) -> view(rs)).list();
    }

    /** The ids of a customer's cases, oldest first. */
    List<UUID> idsOf(UUID customerId) {
        return jdbc.sql("SELECT id FROM service_case WHERE customer_id = ? ORDER BY opened_at")
                .param(customerId).query(UUID.class).list();
    }

    Optional<CaseView> byId(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM service_case WHERE id = ?").param(id)
                .query((rs, n) -> view(rs)).optional();
    }

    /** Erasure: the free text of a customer's cases may hold personal data; amounts, codes and dates stay. */
    void eraseTexts(UUID customerId) {
        jdbc.sql("UPDATE service_case SET subject = '[erased]', description = NULL, "
                        + "resolution = CASE WHEN resolution IS NULL THEN NULL ELSE '[erased]' END WHERE customer_id = ?")
                .param(customerId).update();
        jdbc.sql("UPDATE service_case_event SET text = '[erased]' WHERE text IS NOT NULL AND case_id IN "
                        + "(SELECT id FROM service_case WHERE customer_id = ?)")
                .param(customerId).update();
    }

    /** Opened, first-response and resolution times of the cases opened from (inclusive) to (exclusive). */
    List<OffsetDateTime[]> times(OffsetDateTime from, OffsetDateTime to) {
        return jdbc.sql("SELECT opened_at, first_response_at, resolved_at FROM service_case "
                        + "WHERE opened_at >= ? AND opened_at < ?")
                .params(from, to)
                .query((rs, n) -> new OffsetDateTime[] {time(rs, 1), time(rs, 2),
                        time(rs, 3)})
                .list();
    }

    long count(String where, Object... params) {
        return jdbc.sql("SELECT COUNT(*) FROM service_case WHERE " + where).params(params).query(Long.class).single();
    }

    private CaseView view(ResultSet rs) throws SQLException {
        OffsetDateTime opened = time(rs, 10);
        OffsetDateTime responded = time(rs, 11);
        OffsetDateTime resolved = time(rs, 15);
        BigDecimal amount = rs.getBigDecimal(18);
        CaseView.Goodwill goodwill = rs.getString(17) == null ? null : new CaseView.Goodwill(rs.getString(17),
                Money.of(amount, currency).toString(), rs.getString(19), rs.getString(20));
        return new CaseView(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), opened, responded,
                rs.getString(12), rs.getObject(13, LocalDate.class), rs.getString(14), resolved, rs.getString(16),
                goodwill, time(rs, 21), between(opened, responded), between(opened, resolved), null, null);
    }

    /** A timestamp column in UTC (null stays null). */
    static OffsetDateTime time(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.withOffsetSameInstant(ZoneOffset.UTC);
    }

    static String between(OffsetDateTime from, OffsetDateTime to) {
        return from == null || to == null ? null : Duration.between(from, to).toString();
    }
}
