package io.storedesk.pos.common.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Group commit for the embedded H2 database, for the commits the {@link RedoLog} does not cover
 * (all of them when it is off, see {@code pos.durability.redo-log}). H2 keeps committed changes in memory until its
 * store writes them (its write delay), so a process crash could lose an acknowledged sale.
 * Instead of storing after every commit (one write per sale), a single flusher thread runs
 * {@code CHECKPOINT} (H2's store) for every commit made since the previous one, and each request
 * that committed waits for the store that covers it before its response leaves. Many sales share
 * one write; none is acknowledged before it is in the database file. On other databases (e.g.
 * PostgreSQL, durable at commit) waiting returns at once.
 */
@Component
class GroupCommit implements SmartLifecycle, io.storedesk.pos.common.Durability {

    private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);
    private static final long WAIT_LIMIT_MS = 30_000;

    private final DataSource dataSource;
    private final RedoLog redo;
    private final boolean enabled;
    private final Object monitor = new Object();
    private long requested;
    private long stored;
    private long failedUpTo;
    private volatile boolean running;
    private volatile boolean needed;
    private volatile String storageFailure;
    private Thread flusher;

    GroupCommit(DataSource dataSource, RedoLog redo,
            @org.springframework.beans.factory.annotation.Value("${pos.durability.group-commit:true}") boolean enabled) {
        this.dataSource = dataSource;
        this.redo = redo;
        this.enabled = enabled;
    }

    /**
     * Remembers that the database could not write its file (disk full, or H2 closed the database
     * after such an error). It stays so until the service is restarted: H2 has dropped what it
     * had not stored, and this flusher's connection belongs to the closed database.
     */
    void storageFailed(Throwable cause) {
        if (storageFailure == null) {
            Throwable root = cause;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            // the operating system's words ("No space left on device", "File too large") or H2's
            storageFailure = String.valueOf(root.getMessage()).lines().findFirst().orElse("");
            log.error("The database cannot write to its file; nothing more is saved until the service is restarted"
                    + " with free disk space: {}", storageFailure);
        }
    }

    /** Why the database (or its redo log) can no longer write, or null while it can. */
    String storageFailure() {
        return storageFailure != null ? storageFailure : redo.failure();
    }

    /** Blocks until everything committed before this call is in the database file. */
    @Override
    public void awaitDurable() {
        String failure = storageFailure();
        if (failure != null) {
            throw new StorageFailures.CannotWrite(failure);
        }
        if (!needed || !running) {
            return;
        }
        if (redo.allDurable()) {
            // every commit so far is in the redo log (appended before its commit returned)
            return;
        }
        synchronized (monitor) {
            long mine = ++requested;
            monitor.notifyAll();
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WAIT_LIMIT_MS);
            while (stored < mine && failedUpTo < mine) {
                long left = deadline - System.nanoTime();
                if (left <= 0 || !running) {
                    throw new IllegalStateException("the database did not confirm the write in time");
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(monitor, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for the database write");
                }
            }
            if (stored < mine) {
                if (storageFailure != null) {
                    throw new StorageFailures.CannotWrite(storageFailure);
                }
                throw new IllegalStateException("the database could not write to its file");
            }
        }
    }

    private void flushLoop() {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            while (running) {
                long upTo;
                synchronized (monitor) {
                    // failedUpTo counts every attempt, stored only the good ones: wait for new commits
                    while (running && requested == failedUpTo) {
                        monitor.wait(1000);
                    }
                    upTo = requested;
                }
                try {
                    redo.store(statement);
                    synchronized (monitor) {
                        stored = Math.max(stored, upTo);
                        failedUpTo = Math.max(failedUpTo, upTo);
                        monitor.notifyAll();
                    }
                } catch (SQLException e) {
                    log.error("Database store failed; {} request(s) get an error", upTo - stored, e);
                    if (StorageFailures.isStorageFailure(e) || !connection.isValid(1)) {
                        storageFailed(e);
                    }
                    synchronized (monitor) {
                        failedUpTo = Math.max(failedUpTo, upTo);
                        monitor.notifyAll();
                    }
                }
            }
        } catch (SQLException e) {
            log.error("Group commit stopped: no database connection", e);
            running = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void start() {
        try (Connection c = dataSource.getConnection()) {
            needed = enabled && c.getMetaData().getDatabaseProductName().toLowerCase().contains("h2");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reach the database", e);
        }
        running = true;
        if (needed) {
            flusher = new Thread(this::flushLoop, "h2-group-commit");
            flusher.setDaemon(true);
            flusher.start();
        }
    }

    @Override
    public void stop() {
        running = false;
        synchronized (monitor) {
            monitor.notifyAll();
        }
        if (flusher != null) {
            try {
                flusher.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        // stop after the web server has drained its requests
        return Integer.MIN_VALUE + 100;
    }
}
