package io.storedesk.pos.cases.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.storedesk.pos.common.SqlFilter;
import io.storedesk.pos.mail.MailOutbox;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Stores complaints by plain JDBC; the row is locked ({@code FOR UPDATE}) for every change. */
@Component
class ComplaintStore {

    private static final String COLUMNS = "p.complaint_number, c.case_number, p.status, p.country, p.received_at, "
            + "p.received_by, p.receipt_number, p.item, p.defect, p.remedy, p.notify_by, p.contact, p.settlement_days, "
            + "p.due_date, p.escalated_at, p.outcome, p.outcome_note, p.settled_at, p.settled_by, p.id, p.case_id";
    private static final String FROM = " FROM complaint p JOIN service_case c ON c.id = p.case_id";

    /** The e-mailed confirmations of a complaint (rendered by the printing module). */
    static final List<String> MAILS = List.of("COMPLAINT_RECEIVED", "COMPLAINT_SETTLED");

    private final JdbcClient jdbc;
    private final MailOutbox mail;

    ComplaintStore(JdbcClient jdbc, MailOutbox mail) {
        this.jdbc = jdbc;
        this.mail = mail;
    }

    /** A stored complaint, its keys, and the facts its clock is computed from. */
    record Row(UUID id, UUID caseId, String number, String caseNumber, String status, String country,
            OffsetDateTime receivedAt, String receivedBy, String receiptNumber, String item, String defect,
            String remedy, String notifyBy, String contact, int settlementDays, LocalDate dueDate,
            OffsetDateTime escalatedAt, String outcome, String outcomeNote, OffsetDateTime settledAt,
            String settledBy) {

        boolean settled() {
            return "SETTLED".equals(status);
        }

        /** Whether it was settled after its legal deadline (store days). */
        boolean late(java.time.ZoneId zone) {
            return settledAt != null && settledAt.atZoneSameInstant(zone).toLocalDate().isAfter(dueDate);
        }

        /** The view on {@code today} (store day), with the clock. */
        ComplaintView view(LocalDate today, int escalateDaysBefore, java.time.ZoneId zone) {
            Integer left = settled() ? null : (int) ChronoUnit.DAYS.between(today, dueDate);
            String clock;
            if (settled()) {
                clock = late(zone) ? "SETTLED_LATE" : "SETTLED";
            } else if (left < 0) {
                clock = "OVERDUE";
            } else if (left == 0) {
                clock = "DUE_TODAY";
            } else {
                clock = left <= escalateDaysBefore ? "ESCALATE" : "ON_TIME";
            }
            String time = settled() ? Duration.ofSeconds(Duration.between(receivedAt, settledAt).getSeconds()).toString()
                    : null;
            return new ComplaintView(number, caseNumber, status, country, receivedAt, receivedBy, receiptNumber, item,
                    defect, remedy, notifyBy, contact, settlementDays, dueDate, left, clock, escalatedAt, outcome,
                    outcomeNote, settledAt, settledBy, time);
        }
    }

    long nextNumber() {
        jdbc.sql("UPDATE case_counter SET last_value = last_value + 1 WHERE name = 'COMPLAINT'").update();
        return jdbc.sql("SELECT last_value FROM case_counter WHERE name = 'COMPLAINT'").query(Long.class).single();
    }

    void insert(UUID id, String number, UUID caseId, String country, OffsetDateTime at, String user,
            String receiptNumber, ComplaintRequests.Receive r, int days, LocalDate due) {
        jdbc.sql("INSERT INTO complaint (id, complaint_number, case_id, country, received_at, received_by, receipt_number, "
                        + "item, defect, remedy, notify_by, contact, settlement_days, due_date, status) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN')")
                .params(id, number, caseId, country, at, user, receiptNumber, r.item(), r.defect(), r.remedy(),
                        r.notifyBy().name(), r.contact(), days, due)
                .update();
    }

    /** The complaint; {@code lock}: its row lock (docs/locking.md, lock 5, after its service case). */
    Optional<Row> find(String number, boolean lock) {
        if (lock && jdbc.sql("SELECT id FROM complaint WHERE complaint_number = ? FOR UPDATE").param(number)
                .query(UUID.class).optional().isEmpty()) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT " + COLUMNS + FROM + " WHERE p.complaint_number = ?").param(number)
                .query((rs, n) -> row(rs)).optional();
    }

    void settle(UUID id, String outcome, String note, OffsetDateTime at, String user) {
        jdbc.sql("UPDATE complaint SET status = 'SETTLED', outcome = ?, outcome_note = ?, settled_at = ?, settled_by = ? "
                + "WHERE id = ?").params(outcome, note, at, user, id).update();
    }

    void escalated(UUID id, OffsetDateTime at) {
        jdbc.sql("UPDATE complaint SET escalated_at = ? WHERE id = ?").params(at, id).update();
    }

    /** Open complaints whose escalation is due on {@code lastDay} or before and not yet made. */
    List<String> toEscalate(LocalDate lastDay) {
        return jdbc.sql("SELECT complaint_number FROM complaint WHERE status = 'OPEN' AND escalated_at IS NULL "
                        + "AND due_date <= ? ORDER BY due_date, complaint_number")
                .param(lastDay).query(String.class).list();
    }

    /**
     * Complaints in order of legal deadline: {@code status} OPEN or SETTLED (null: both), {@code dueBy}:
     * open ones due on or before that day; {@code caseNumber}: of one case.
     */
    List<Row> list(String status, LocalDate dueBy, String caseNumber, int limit) {
        SqlFilter filter = new SqlFilter().andIf(status, "p.status = ?")
                .andIf(dueBy, "p.status = 'OPEN' AND p.due_date <= ?").andIf(caseNumber, "c.case_number = ?");
        return jdbc.sql("SELECT " + COLUMNS + FROM + " WHERE " + filter.where()
                        + " ORDER BY CASE WHEN p.status = 'OPEN' THEN 0 ELSE 1 END, p.due_date, p.complaint_number "
                        + "FETCH FIRST ? ROWS ONLY")
                .params(filter.params(limit)).query((rs, n) -> row(rs)).list();
    }

    long count(String where, Object... params) {
        return jdbc.sql("SELECT COUNT(*) FROM complaint WHERE " + where).params(params).query(Long.class).single();
    }

    /** The complaints settled from (inclusive) to (exclusive). */
    List<Row> settledBetween(OffsetDateTime from, OffsetDateTime to) {
        return jdbc.sql("SELECT " + COLUMNS + FROM + " WHERE p.status = 'SETTLED' AND p.settled_at >= ? "
                        + "AND p.settled_at < ?")
                .params(from, to).query((rs, n) -> row(rs)).list();
    }

    /**
     * Erasure: the contact (e-mail or phone) of the complaints on a customer's cases, and the address
     * of their e-mailed confirmations (one not sent yet is cancelled); the rest is the record.
     */
    void eraseContacts(UUID customerId) {
        mail.erase(jdbc.sql("SELECT complaint_number FROM complaint WHERE case_id IN "
                + "(SELECT id FROM service_case WHERE customer_id = ?)").param(customerId).query(String.class).list(), MAILS);
        jdbc.sql("UPDATE complaint SET contact = NULL WHERE case_id IN (SELECT id FROM service_case WHERE customer_id = ?)")
                .param(customerId).update();
    }

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(rs.getObject(20, UUID.class), rs.getObject(21, UUID.class), rs.getString(1), rs.getString(2),
                rs.getString(3), rs.getString(4), CaseStore.time(rs, 5), rs.getString(6), rs.getString(7),
                rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11), rs.getString(12), rs.getInt(13),
                rs.getObject(14, LocalDate.class), CaseStore.time(rs, 15), rs.getString(16), rs.getString(17),
                CaseStore.time(rs, 18), rs.getString(19));
    }
}
