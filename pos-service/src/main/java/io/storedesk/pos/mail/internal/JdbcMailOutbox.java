package io.storedesk.pos.mail.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.storedesk.pos.common.Ids;
import io.storedesk.pos.mail.MailOutbox;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The {@code mail_outbox} table: one row per e-mail, its status and attempts. */
@Service
class JdbcMailOutbox implements MailOutbox {

    private static final String COLUMNS = "id, document, doc_key, recipient, status, attempts, last_error, created_at, "
            + "next_attempt_at, sent_at";

    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;

    JdbcMailOutbox(NamedParameterJdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    @Transactional
    public Email queue(String document, String key, String to, String requestedBy) {
        UUID id = Ids.timeOrdered();
        OffsetDateTime now = now();
        jdbc.update("INSERT INTO mail_outbox (" + COLUMNS + ", requested_by) VALUES (:id, :document, :key, :to, "
                + "'PENDING', 0, NULL, :now, :now, NULL, :by)", Map.of("id", id, "document", document, "key", key,
                        "to", to, "now", now, "by", requestedBy));
        return new Email(id, document, key, to, Status.PENDING, 0, null, now, now, null);
    }

    @Override
    @Transactional(readOnly = true)
    public List<Email> of(String key, Collection<String> documents) {
        return jdbc.query("SELECT " + COLUMNS + " FROM mail_outbox WHERE doc_key = :key AND document IN (:documents) "
                + "ORDER BY created_at, id", Map.of("key", key, "documents", documents), JdbcMailOutbox::email);
    }

    @Override
    @Transactional
    public void erase(Collection<String> keys, Collection<String> documents) {
        if (keys.isEmpty()) {
            return;
        }
        jdbc.update("UPDATE mail_outbox SET recipient = '[erased]', "
                + "status = CASE WHEN status = 'PENDING' THEN 'CANCELLED' ELSE status END "
                + "WHERE doc_key IN (:keys) AND document IN (:documents)", Map.of("keys", keys, "documents", documents));
    }

    /** Up to {@code limit} e-mails due now, the longest waiting first. */
    List<Email> due(int limit) {
        return jdbc.query("SELECT " + COLUMNS + " FROM mail_outbox WHERE status = 'PENDING' AND next_attempt_at <= :now "
                + "ORDER BY next_attempt_at FETCH FIRST " + limit + " ROWS ONLY", Map.of("now", now()),
                JdbcMailOutbox::email);
    }

    void sent(UUID id) {
        jdbc.update("UPDATE mail_outbox SET status = 'SENT', attempts = attempts + 1, sent_at = :now, last_error = NULL "
                + "WHERE id = :id AND status = 'PENDING'", Map.of("now", now(), "id", id));
    }

    void failed(UUID id, int attempts, boolean last, String error, OffsetDateTime next) {
        jdbc.update("UPDATE mail_outbox SET status = :status, attempts = :attempts, last_error = :error, "
                + "next_attempt_at = :next WHERE id = :id AND status = 'PENDING'", Map.of("status",
                        last ? "FAILED" : "PENDING", "attempts", attempts, "error",
                        error.length() > 500 ? error.substring(0, 500) : error, "next", next, "id", id));
    }

    OffsetDateTime now() {
        return OffsetDateTime.now(clock.withZone(ZoneOffset.UTC));
    }

    private static Email email(ResultSet rs, int n) throws SQLException {
        return new Email(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                Status.valueOf(rs.getString(5)), rs.getInt(6), rs.getString(7), rs.getObject(8, OffsetDateTime.class),
                rs.getObject(9, OffsetDateTime.class), rs.getObject(10, OffsetDateTime.class));
    }
}
