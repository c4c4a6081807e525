package io.storedesk.pos.common.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A thread that reaches the embedded H2 file database with its interrupt flag set closes the
 * database for everyone; through the service's data source the interrupt waits until the
 * connection is returned instead.
 */
class InterruptSafeConnectionsTests {

    @TempDir
    Path dir;

    @Test
    void withoutTheGuardOneInterruptedWriterClosesTheDatabaseForEveryone() throws Exception {
        try (HikariDataSource pool = pool("raw")) {
            prepare(pool);
            Outcome writer = insertFromInterruptedThread(pool);

            assertThat(writer.failure).as("the interrupted writer fails").isNotNull();
            assertThatThrownBy(() -> insert(pool, 2)).as("and then so does every other session")
                    .isInstanceOf(SQLException.class).hasMessageContaining("90098");
        }
    }

    @Test
    void throughTheGuardTheWriteCommitsAndTheInterruptComesBackWhenTheConnectionIsReturned() throws Exception {
        InterruptSafeConnections guard = new InterruptSafeConnections();
        try (HikariDataSource pool = pool("guarded")) {
            DataSource service = (DataSource) guard.postProcessAfterInitialization(pool, "dataSource");
            prepare(service);
            Outcome writer = insertFromInterruptedThread(service);

            assertThat(writer.failure).as("the interrupted writer's insert").isNull();
            assertThat(writer.interruptedWhileConnected).as("no interrupt while it held the connection").isFalse();
            assertThat(writer.interruptedAfterClose).as("the interrupt is back once the connection is returned").isTrue();
            insert(service, 2);
            assertThat(rows(service)).isEqualTo(2);
            assertThat(guard.deferredSoFar()).isEqualTo(1);
            assertThat(guard.postProcessAfterInitialization(service, "again")).as("wrapped once").isSameAs(service);
        }
    }

    private HikariDataSource pool(String name) {
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl("jdbc:h2:file:" + dir.resolve(name).toAbsolutePath() + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE");
        pool.setUsername("sa");
        pool.setMinimumIdle(2);
        pool.setMaximumPoolSize(2);
        return pool;
    }

    private static void prepare(DataSource db) throws SQLException {
        try (Connection c = db.getConnection()) {
            c.createStatement().execute("CREATE TABLE t(id INT PRIMARY KEY, note VARCHAR(20))");
        }
    }

    private static void insert(DataSource db, int id) throws SQLException {
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try (var p = c.prepareStatement("INSERT INTO t VALUES (?, 'sale')")) {
                p.setInt(1, id);
                p.executeUpdate();
            }
            c.commit();
        }
    }

    private static long rows(DataSource db) throws SQLException {
        try (Connection c = db.getConnection(); var r = c.createStatement().executeQuery("SELECT COUNT(*) FROM t")) {
            r.next();
            return r.getLong(1);
        }
    }

    private record Outcome(Throwable failure, boolean interruptedWhileConnected, boolean interruptedAfterClose) {
    }

    private static Outcome insertFromInterruptedThread(DataSource db) throws InterruptedException {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicBoolean whileConnected = new AtomicBoolean();
        AtomicBoolean afterClose = new AtomicBoolean();
        Thread writer = new Thread(() -> {
            Thread.currentThread().interrupt();
            try {
                try (Connection c = db.getConnection()) {
                    whileConnected.set(Thread.currentThread().isInterrupted());
                    c.setAutoCommit(false);
                    c.createStatement().executeUpdate("INSERT INTO t VALUES (1, 'sale')");
                    c.commit();
                }
                afterClose.set(Thread.interrupted());
            } catch (Throwable e) {
                failure.set(e);
            }
        });
        writer.start();
        writer.join(30_000);
        return new Outcome(failure.get(), whileConnected.get(), afterClose.get());
    }
}
