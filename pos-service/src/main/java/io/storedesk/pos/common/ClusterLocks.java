package io.storedesk.pos.common;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Named locks that hold across every node sharing the database: PostgreSQL advisory locks, keyed by
 * a 64-bit hash of the name. On H2 (one process per database file) a lock of this JVM does the same.
 * Used for start-up seeds (two nodes starting together seed once) and for jobs that run once per
 * cluster (the node that gets the lock runs it, the others skip that turn).
 */
@Component
public class ClusterLocks {

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final boolean postgres;
    private final Map<String, ReentrantLock> local = new ConcurrentHashMap<>();

    ClusterLocks(DataSource dataSource, JdbcClient jdbc) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        try (Connection c = dataSource.getConnection()) {
            this.postgres = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the database's product name", e);
        }
    }

    /** Whether the database is PostgreSQL (the locks then hold across processes). */
    public boolean postgres() {
        return postgres;
    }

    /**
     * Waits for lock {@code name} and holds it until the current transaction ends (PostgreSQL's
     * {@code pg_advisory_xact_lock}); a no-op on H2, where one process owns the database.
     *
     * @throws IllegalStateException outside a transaction
     */
    public void holdForTransaction(String name) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("lock " + name + " needs a transaction");
        }
        if (postgres) {
            jdbc.sql("SELECT pg_advisory_xact_lock(?)").param(key(name)).query(rs -> { });
        }
    }

    /**
     * Runs {@code job} if no node holds lock {@code name} (PostgreSQL's {@code pg_try_advisory_lock},
     * held on a connection of its own while the job runs and then released); returns false, without
     * waiting, when another node (or thread) is running it.
     */
    public boolean runExclusively(String name, Runnable job) {
        ReentrantLock mine = local.computeIfAbsent(name, n -> new ReentrantLock());
        if (!mine.tryLock()) {
            return false;
        }
        try {
            if (!postgres) {
                job.run();
                return true;
            }
            try (Connection c = dataSource.getConnection()) {
                if (!advisory(c, "SELECT pg_try_advisory_lock(?)", key(name))) {
                    return false;
                }
                try {
                    job.run();
                    return true;
                } finally {
                    advisory(c, "SELECT pg_advisory_unlock(?)", key(name));
                }
            } catch (SQLException e) {
                throw new IllegalStateException("cluster lock " + name + ": " + e.getMessage(), e);
            }
        } finally {
            mine.unlock();
        }
    }

    private static boolean advisory(Connection c, String sql, long key) throws SQLException {
        if (!c.getAutoCommit()) {
            c.setAutoCommit(true);
        }
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, key);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    /** The first 8 bytes of the SHA-256 of {@code "storedesk:" + name}: stable across nodes and versions. */
    static long key(String name) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(("storedesk:" + name).getBytes(StandardCharsets.UTF_8));
            long k = 0;
            for (int i = 0; i < 8; i++) {
                k = (k << 8) | (d[i] & 0xff);
            }
            return k;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
