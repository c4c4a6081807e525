package io.storedesk.pos.common.internal;

import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the database file up to the redo log at start-up, before anything else uses it: every
 * logged transaction the file lacks is executed again, in log order, each in one transaction
 * with its row in {@code redo_applied}. The transactions the file has must be a prefix of the
 * log; if they are not (a later one stored, an earlier one missing), or the log does not continue
 * the file (a database restored from a backup under a newer log), the service refuses to start
 * rather than guess, and says what to do.
 */
final class RedoRecovery {

    private static final Logger log = LoggerFactory.getLogger(RedoRecovery.class);

    private final RedoFiles files;
    private final DataSource dataSource;

    RedoRecovery(RedoFiles files, DataSource dataSource) {
        this.files = files;
        this.dataSource = dataSource;
    }

    static boolean hasTable(Connection c) throws SQLException {
        try (ResultSet rs = c.getMetaData().getTables(null, null, "REDO_APPLIED", null)) {
            return rs.next();
        }
    }

    /** Replays what is missing and removes the log; returns the last LSN the database holds. */
    long recover() {
        try (Connection c = dataSource.getConnection()) {
            List<Path> logFiles = files.files();
            if (!hasTable(c)) {
                if (!logFiles.isEmpty() && !files.readAll().isEmpty()) {
                    throw new IllegalStateException("The redo log in " + files.dir() + " holds transactions but the"
                            + " database has no redo_applied table: it is not the database the log belongs to.");
                }
                files.delete(logFiles);
                return 0;
            }
            long last = maxApplied(c);
            if (logFiles.isEmpty()) {
                return last;
            }
            List<RedoFiles.Entry> entries = files.readAll();
            int replayed = replayMissing(c, entries, last);
            try (Statement s = c.createStatement()) {
                s.execute("CHECKPOINT");
            }
            files.delete(logFiles);
            if (replayed > 0) {
                log.warn("Recovered {} committed transaction(s) from the redo log that the database file lacked"
                        + " after an unclean stop", replayed);
            }
            return maxApplied(c);
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("cannot recover the database from the redo log in " + files.dir()
                    + " (the log is kept): " + e.getMessage(), e);
        }
    }

    private int replayMissing(Connection c, List<RedoFiles.Entry> entries, long last) throws SQLException, IOException {
        if (entries.isEmpty()) {
            return 0;
        }
        Set<Long> present = present(c, entries.get(0).lsn());
        int first = 0;
        while (first < entries.size() && present.contains(entries.get(first).lsn())) {
            first++;
        }
        if (first == entries.size()) {
            return 0;
        }
        RedoFiles.Entry missing = entries.get(first);
        if (last >= missing.lsn()) {
            throw new IllegalStateException("The database file holds transaction " + last + " of the redo log but not"
                    + " the earlier " + missing.lsn() + "; it cannot be brought up to date safely. Restore the last"
                    + " backup (README, \"Backups\").");
        }
        if (missing.lsn() != last + 1) {
            throw new IllegalStateException("The redo log in " + files.dir() + " continues from transaction "
                    + (missing.lsn() - 1) + " but the database file ends at " + last + " (restored from a backup?)."
                    + " If the database was restored on purpose, move the redo directory away and start again.");
        }
        int replayed = 0;
        c.setAutoCommit(false);
        for (RedoFiles.Entry e : entries.subList(first, entries.size())) {
            if (e.kind() == RedoFiles.MARKER) {
                log.warn("Redo log recovery stops at transaction {}: it was not in the log and not stored, so it and"
                        + " the {} after it were never acknowledged", e.lsn(), entries.size() - first - replayed - 1);
                break;
            }
            replay(c, e);
            replayed++;
        }
        c.setAutoCommit(true);
        return replayed;
    }

    private static void replay(Connection c, RedoFiles.Entry e) throws SQLException, IOException {
        DataInputStream in = RedoFiles.reader(e);
        try {
            for (int i = 0; i < e.statements(); i++) {
                String sql = RedoCodec.readString(in);
                boolean batch = in.readBoolean();
                int rows = in.readInt();
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    for (int r = 0; r < rows; r++) {
                        int calls = in.readInt();
                        for (int k = 0; k < calls; k++) {
                            RedoCodec.replayCall(in, ps);
                        }
                        if (batch) {
                            ps.addBatch();
                        }
                    }
                    if (batch) {
                        ps.executeBatch();
                    } else {
                        ps.executeUpdate();
                    }
                }
            }
            try (PreparedStatement applied = c.prepareStatement(RedoLog.APPLIED)) {
                applied.setLong(1, e.lsn());
                applied.executeUpdate();
            }
            c.commit();
        } catch (SQLException | IOException | RuntimeException failed) {
            c.rollback();
            throw new SQLException("transaction " + e.lsn() + " of the redo log cannot be replayed: "
                    + failed.getMessage(), failed);
        }
    }

    private static long maxApplied(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT MAX(lsn) FROM redo_applied")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Set<Long> present(Connection c, long from) throws SQLException {
        Set<Long> lsns = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT lsn FROM redo_applied WHERE lsn >= ?")) {
            ps.setLong(1, from);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    lsns.add(rs.getLong(1));
                }
            }
        }
        return lsns;
    }
}
