package io.storedesk.pos.common.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.stereotype.Component;

/**
 * Durability of the embedded H2 database by a redo log (ADR 0003). H2 keeps commits in memory
 * and stores them about once a second; instead of making every request wait for a store, each
 * write transaction is appended to a log file when it commits, with the SQL and parameters of
 * its data-changing statements ({@link RedoRecorder}). The answer waits for that append only.
 *
 * <p>Commits go through one lock: the transaction gets the next log sequence number (LSN), adds
 * it to {@code redo_applied}, commits in H2, and is appended, so the log is in commit order.
 * On start, before Flyway, {@link RedoRecovery} replays what the database file lacks. Every
 * few seconds the log is cut: a new file is started, H2 stores ({@code CHECKPOINT}), and the
 * files before are deleted. A transaction the log cannot replay is appended as a marker, and
 * {@link GroupCommit} makes its request wait for a store as before.
 */
@Component
class RedoLog implements BeanPostProcessor, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RedoLog.class);
    static final String APPLIED = "INSERT INTO redo_applied (lsn) VALUES (?)";

    private final boolean h2File;
    private final boolean enabled;
    private final RedoFiles files;
    private final Duration interval;
    private final ReentrantLock commitLock = new ReentrantLock();
    private final AtomicLong unloggedCommits = new AtomicLong();
    private final AtomicLong unloggedStored = new AtomicLong();
    private DataSource raw;
    private volatile boolean armed;
    private volatile String failure;
    private long nextLsn = 1;
    private Thread cutter;

    RedoLog(Environment environment) {
        String url = environment.getProperty("spring.datasource.url", "");
        this.h2File = url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:h2:mem:");
        this.enabled = h2File && environment.getProperty("pos.durability.redo-log", Boolean.class, true);
        this.files = new RedoFiles(Path.of(environment.getProperty("pos.data-path", "./data"), "redo"));
        this.interval = Duration.ofMillis(environment.getProperty("pos.durability.redo-cut-millis", Long.class, 5000L));
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (h2File && raw == null && "dataSource".equals(beanName) && bean instanceof DataSource ds) {
            // a log left by a crash is replayed even when the log is now switched off
            nextLsn = new RedoRecovery(files, ds).recover() + 1;
            if (enabled) {
                raw = ds;
                return new Logged(ds, this);
            }
        }
        return bean;
    }

    /** Commits the log could not replay, or made before it started: each needs an H2 store. */
    long unloggedCommits() {
        return unloggedCommits.get();
    }

    /** Whether every commit so far is durable without another store: in the log, or stored. */
    boolean allDurable() {
        return armed && unloggedCommits.get() <= unloggedStored.get();
    }

    /** Runs {@code CHECKPOINT} on {@code statement} and notes the unlogged commits it stored. */
    void store(Statement statement) throws SQLException {
        long upTo = unloggedCommits.get();
        statement.execute("CHECKPOINT");
        unloggedStored.accumulateAndGet(upTo, Math::max);
    }

    /** Why the log could not be written, or null. */
    String failure() {
        return failure;
    }

    void commit(RedoRecorder recorder) throws SQLException {
        Connection c = recorder.target();
        try {
            if (!recorder.hasWrites()) {
                c.commit();
            } else if (!armed) {
                c.commit();
                unloggedCommits.incrementAndGet();
            } else {
                commitLogged(recorder, c);
            }
        } finally {
            recorder.reset();
        }
    }

    private void commitLogged(RedoRecorder recorder, Connection c) throws SQLException {
        commitLock.lock();
        try {
            if (failure != null) {
                c.rollback();
                throw new SQLException("the redo log cannot be written", new StorageFailures.CannotWrite(failure));
            }
            long lsn = nextLsn;
            try (PreparedStatement applied = c.prepareStatement(APPLIED)) {
                applied.setLong(1, lsn);
                applied.executeUpdate();
            }
            c.commit();
            nextLsn++;
            String unloggable = recorder.unloggable();
            try {
                if (unloggable == null) {
                    files.append(lsn, RedoFiles.DATA, recorder.statements(), recorder.recorded());
                } else {
                    files.append(lsn, RedoFiles.MARKER, 0, new byte[0]);
                    unloggedCommits.incrementAndGet();
                    log.debug("Commit {} waits for a database store: {}", lsn, unloggable);
                }
            } catch (IOException e) {
                failure = String.valueOf(e.getMessage());
                log.error("The redo log cannot be written; nothing more is saved until the service is restarted", e);
                throw new SQLException("the redo log cannot be written", new StorageFailures.CannotWrite(failure));
            }
        } finally {
            commitLock.unlock();
        }
    }

    @Override
    public void start() {
        if (raw == null) {
            return;
        }
        try (Connection c = raw.getConnection(); Statement s = c.createStatement()) {
            if (!RedoRecovery.hasTable(c)) {
                log.warn("No redo_applied table: commits are stored by CHECKPOINT instead of the redo log");
                return;
            }
            store(s);   // what was committed before the log starts is in the file
            commitLock.lock();
            try {
                files.open();
                armed = true;
            } finally {
                commitLock.unlock();
            }
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("cannot start the redo log in " + files.dir(), e);
        }
        cutter = new Thread(this::cutLoop, "redo-log-cut");
        cutter.setDaemon(true);
        cutter.start();
    }

    private void cutLoop() {
        while (armed) {
            try {
                TimeUnit.MILLISECONDS.sleep(interval.toMillis());
                cut();
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Starts a new log file, lets H2 store everything, then deletes the files before. */
    void cut() {
        List<Path> before;
        long upTo;
        commitLock.lock();
        try {
            if (!armed || failure != null || !files.currentHasRecords()) {
                return;
            }
            before = files.rotate();
            upTo = nextLsn - 1;
        } catch (IOException e) {
            log.warn("Cannot start a new redo log file", e);
            return;
        } finally {
            commitLock.unlock();
        }
        try (Connection c = raw.getConnection(); Statement s = c.createStatement()) {
            store(s);
            files.delete(before);
            // rows of deleted records are not needed any more; the last one says where the log goes on
            s.executeUpdate("DELETE FROM redo_applied WHERE lsn < " + upTo);
        } catch (SQLException | IOException e) {
            log.warn("Redo log not cut (kept until the next try): {}", e.toString());
        }
    }

    @Override
    public void stop() {
        if (!armed) {
            return;
        }
        commitLock.lock();
        try {
            armed = false;
        } finally {
            commitLock.unlock();
        }
        if (cutter != null) {
            cutter.interrupt();
        }
        try (Connection c = raw.getConnection(); Statement s = c.createStatement()) {
            s.execute("CHECKPOINT");
            files.close();
            if (failure == null) {
                files.delete(files.files());
            }
        } catch (SQLException | IOException e) {
            log.warn("Redo log kept for the next start: {}", e.toString());
        }
    }

    @Override
    public boolean isRunning() {
        return armed;
    }

    @Override
    public int getPhase() {
        // start before GroupCommit and the web server, stop after them
        return Integer.MIN_VALUE + 50;
    }

    /** The application's DataSource: every connection records its transactions for the log. */
    static final class Logged extends DelegatingDataSource {

        private final RedoLog redo;

        Logged(DataSource target, RedoLog redo) {
            super(target);
            this.redo = redo;
        }

        @Override
        public Connection getConnection() throws SQLException {
            return RedoRecorder.wrap(obtainTargetDataSource().getConnection(), redo);
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return RedoRecorder.wrap(obtainTargetDataSource().getConnection(username, password), redo);
        }
    }
}
