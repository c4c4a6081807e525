package io.storedesk.pos.training.internal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import io.storedesk.pos.common.ProblemException;
import io.storedesk.pos.common.SqlFilter;
import io.storedesk.pos.sale.TrainingDesk;
import io.storedesk.pos.sale.TrainingTill;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The customer desk's training documents (issue 24): service cases and complaints kept in {@code training_case},
 * numbered from their prefix's row of {@code training_desk_counter}. Lock order: the prefix's counter row (created
 * first in a transaction of its own) for a new document; the case's row, then its complaint's, for a step. Holds no reference to the
 * real case tables, the journal, the mail or sync outbox or an event publisher.
 */
@Service
class TrainingDeskService implements TrainingDesk {

    private static final RowMapper ROW = new RowMapper();

    private final JdbcClient jdbc;
    private final Clock clock;
    private final TransactionTemplate newTx;

    TrainingDeskService(JdbcClient jdbc, Clock clock, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.newTx = new TransactionTemplate(transactions);
        this.newTx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Override
    @Transactional
    public TrainingCase open(String prefix, String kind, String customerId, String openedBy, String status,
            Function<String, String> document) {
        if (!prefix.startsWith(TrainingTill.PREFIX)) {
            throw new IllegalArgumentException("A training number starts with " + TrainingTill.PREFIX + ": " + prefix);
        }
        ensureCounter(prefix);
        long seq = jdbc.sql("SELECT next_value FROM training_desk_counter WHERE prefix = ? FOR UPDATE").param(prefix)
                .query(Long.class).single();
        jdbc.sql("UPDATE training_desk_counter SET next_value = next_value + 1 WHERE prefix = ?").param(prefix).update();
        String number = "%s%06d".formatted(prefix, seq);
        String doc = document.apply(number);
        OffsetDateTime now = now();
        jdbc.sql("INSERT INTO training_case (case_number, kind, customer_id, status, opened_by, document, created_at, "
                + "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(number, kind, customerId, status, openedBy, doc, now, now).update();
        return new TrainingCase(number, kind, customerId, status, openedBy, doc);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<TrainingCase> find(String caseNumber) {
        if (caseNumber == null || !caseNumber.startsWith(TrainingTill.PREFIX)) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT case_number, kind, customer_id, status, opened_by, document FROM training_case "
                + "WHERE case_number = ?").param(caseNumber).query(ROW).optional();
    }

    @Override
    @Transactional
    public TrainingCase change(String caseNumber, UnaryOperator<TrainingCase> step) {
        TrainingCase stored = jdbc.sql("SELECT case_number, kind, customer_id, status, opened_by, document FROM training_case "
                + "WHERE case_number = ? FOR UPDATE").param(caseNumber).query(ROW).optional()
                .orElseThrow(() -> ProblemException.notFound("Case", caseNumber));
        TrainingCase changed = step.apply(stored);
        jdbc.sql("UPDATE training_case SET status = ?, document = ?, updated_at = ? WHERE case_number = ?")
                .params(changed.status(), changed.document(), now(), caseNumber).update();
        return changed;
    }

    @Override
    @Transactional(readOnly = true)
    public List<TrainingCase> cases(String kind, String openedBy, String status, int limit) {
        SqlFilter filter = new SqlFilter().and("kind = ?", kind).andIf(openedBy, "opened_by = ?")
                .andIf(status, "status = ?");
        return jdbc.sql("SELECT case_number, kind, customer_id, status, opened_by, document FROM training_case WHERE "
                        + filter.where() + " ORDER BY created_at DESC, case_number DESC FETCH FIRST ? ROWS ONLY")
                .params(filter.params(limit)).query(ROW).list();
    }

    @Override
    public void forgetCustomer(String customerId) {
        jdbc.sql("DELETE FROM training_case WHERE customer_id = ?").param(customerId).update();
    }

    /** The prefix's counter row exists (created in a transaction of its own, so a race on it aborts nothing). */
    private void ensureCounter(String prefix) {
        boolean exists = jdbc.sql("SELECT COUNT(*) FROM training_desk_counter WHERE prefix = ?").param(prefix)
                .query(Long.class).single() > 0;
        if (!exists) {
            try {
                newTx.executeWithoutResult(s -> jdbc.sql(
                        "INSERT INTO training_desk_counter (prefix, next_value) VALUES (?, 1)").param(prefix).update());
            } catch (DuplicateKeyException e) {
                // another request created it first
            }
        }
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }

    private static final class RowMapper implements org.springframework.jdbc.core.RowMapper<TrainingCase> {
        @Override
        public TrainingCase mapRow(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
            return new TrainingCase(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                    rs.getString(6));
        }
    }
}
