package io.storedesk.pos.training;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who is in training: users and registers ({@code training_subject}). Switching is the caller's to
 * authorise and journal (it is a real event of the store); this class only keeps the list.
 */
@Component
public class TrainingSubjects {

    /** What can be in training. */
    public enum Kind { USER, REGISTER }

    /** A user or register in training since {@code startedAt}, put there by {@code startedBy}. */
    public record Subject(Kind kind, String id, OffsetDateTime startedAt, String startedBy) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    TrainingSubjects(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Puts the subject in training; false when it was already. */
    @Transactional
    public boolean start(Kind kind, String id, String by) {
        if (find(kind, id)) {
            return false;
        }
        try {
            jdbc.sql("INSERT INTO training_subject (kind, subject_id, started_at, started_by) VALUES (?, ?, ?, ?)")
                    .params(kind.name(), id, OffsetDateTime.now(clock), by).update();
            return true;
        } catch (org.springframework.dao.DuplicateKeyException e) {
            return false;
        }
    }

    /** Takes the subject out of training; false when it was not in training. */
    @Transactional
    public boolean end(Kind kind, String id) {
        return jdbc.sql("DELETE FROM training_subject WHERE kind = ? AND subject_id = ?").params(kind.name(), id)
                .update() > 0;
    }

    /** Whether the user or the register (either may be null) is in training: one read by primary key. */
    @Transactional(readOnly = true)
    public boolean activeFor(String user, String registerId) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM training_subject
                WHERE (kind = 'USER' AND subject_id = ?) OR (kind = 'REGISTER' AND subject_id = ?)""")
                .params(user == null ? "" : user, registerId == null ? "" : registerId).query(Long.class).single() > 0;
    }

    @Transactional(readOnly = true)
    public List<Subject> all() {
        return jdbc.sql("SELECT kind, subject_id, started_at, started_by FROM training_subject ORDER BY kind, subject_id")
                .query((rs, n) -> new Subject(Kind.valueOf(rs.getString(1)), rs.getString(2),
                        rs.getObject(3, OffsetDateTime.class), rs.getString(4))).list();
    }

    private boolean find(Kind kind, String id) {
        return jdbc.sql("SELECT COUNT(*) FROM training_subject WHERE kind = ? AND subject_id = ?")
                .params(kind.name(), id).query(Long.class).single() > 0;
    }
}
