package io.storedesk.pos.common.internal;

import java.io.IOException;
import java.sql.SQLException;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Recognises the embedded H2 database failing to write its file: a full disk ({@code No space left on
 * device}), a file that may not grow ({@code File too large}) or another I/O error under the
 * JDBC driver, and H2's answer after such an error, which is to close the database ("The
 * database has been closed", 90098). After any of these nothing more is stored until the
 * service is restarted with room again.
 */
final class StorageFailures {

    /** H2: DATABASE_IS_CLOSED, IO_EXCEPTION_1, IO_EXCEPTION_2. */
    private static final java.util.Set<Integer> H2_STORAGE_CODES = java.util.Set.of(90098, 90028, 90031);

    private StorageFailures() {
    }

    /**
     * Whether the cause chain of {@code e} says that H2 cannot write to its file. Only H2's
     * exceptions count: an I/O error under another driver (PostgreSQL's lost connection) is not a
     * full disk of this store and passes.
     */
    static boolean isStorageFailure(Throwable e) {
        boolean underH2 = false;
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable t = e; t != null && seen.put(t, Boolean.TRUE) == null; t = t.getCause()) {
            if (t.getClass().getName().startsWith("org.h2.")) {
                underH2 = true;
                if (t instanceof SQLException sql && H2_STORAGE_CODES.contains(sql.getErrorCode())) {
                    return true;
                }
            } else if (t instanceof IOException && underH2) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a database server (PostgreSQL) refused a write because its disk is full (SQLSTATE
     * 53100): the transaction failed whole, and the server takes writes again once space is freed.
     */
    static boolean isServerDiskFull(Throwable e) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable t = e; t != null && seen.put(t, Boolean.TRUE) == null; t = t.getCause()) {
            if (t instanceof SQLException sql && "53100".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
