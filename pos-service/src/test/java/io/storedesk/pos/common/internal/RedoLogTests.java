package io.storedesk.pos.common.internal;

import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Savepoint;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Calendar;
import java.util.List;
import java.util.TimeZone;
import java.util.UUID;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The redo log against real H2 files. A "crash" is simulated exactly: the database file is copied
 * right after the log starts (a store, as H2 would have left it), the service works on, and the
 * copy is then opened with the log - as after a kill before H2 stored anything more.
 */
class RedoLogTests {

    private static final String SCHEMA = """
            CREATE TABLE redo_applied (lsn BIGINT NOT NULL PRIMARY KEY);
            CREATE TABLE item (id UUID PRIMARY KEY, n INT, big BIGINT, amount DECIMAL(12, 2), name VARCHAR(200),
                flag BOOLEAN, at TIMESTAMP WITH TIME ZONE, ts TIMESTAMP, sold_on DATE, data VARBINARY(100), note VARCHAR(100));
            """;

    @TempDir
    Path dir;
    private Path live;
    private Path copy;

    @BeforeEach
    void schema() throws Exception {
        live = dir.resolve("live");
        copy = dir.resolve("copy");
        try (Connection c = h2(live).getConnection(); Statement s = c.createStatement()) {
            s.execute(SCHEMA);
        }
    }

    @Test
    void replayGivesTheCrashedCopyExactlyTheCommittedRowsWithEveryParameterType() throws Exception {
        RedoLog redo = new RedoLog(env(live));
        DataSource ds = start(redo, h2(live));
        JdbcTemplate jdbc = new JdbcTemplate(ds);
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO item VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setObject(1, UUID.fromString("00000000-0000-7000-8000-000000000001"));
                ps.setInt(2, 7);
                ps.setLong(3, Long.MAX_VALUE);
                ps.setBigDecimal(4, new BigDecimal("12.30"));
                ps.setString(5, "Ābols, čaj, Жёлтый");
                ps.setBoolean(6, true);
                ps.setObject(7, OffsetDateTime.of(2026, 11, 24, 5, 0, 0, 123_456_789, ZoneOffset.ofHours(2)));
                Timestamp ts = Timestamp.from(Instant.parse("2026-11-24T05:00:00.987654321Z"));
                ps.setTimestamp(8, ts, Calendar.getInstance(TimeZone.getTimeZone("UTC")));
                ps.setObject(9, LocalDate.of(2026, 2, 28));
                ps.setBytes(10, new byte[] {1, 2, 3});
                ps.setNull(11, java.sql.Types.VARCHAR);
                ps.executeUpdate();
            }
            c.commit();
        }
        // a JDBC batch, an update and a delete in one transaction, in auto-commit
        jdbc.batchUpdate("INSERT INTO item (id, n, name) VALUES (?, ?, ?)", List.of(
                new Object[] {UUID.randomUUID(), 1, "a"}, new Object[] {UUID.randomUUID(), 2, "b"},
                new Object[] {UUID.randomUUID(), 3, "c"}));
        jdbc.update("UPDATE item SET amount = amount + ? WHERE n = ?", new BigDecimal("0.70"), 7);
        jdbc.update("DELETE FROM item WHERE n = ?", 2);
        // rolled back: whole transaction, and the part after a savepoint
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            c.createStatement().executeUpdate("INSERT INTO item (id, n) VALUES (RANDOM_UUID(), 100)");
            c.rollback();
            c.createStatement().executeUpdate("UPDATE item SET note = 'kept' WHERE n = 1");
            Savepoint sp = c.setSavepoint();
            c.createStatement().executeUpdate("UPDATE item SET note = 'undone' WHERE n = 3");
            c.rollback(sp);
            c.commit();
        }

        List<String> expected = rows(ds);
        assertThat(expected).hasSize(3).anySatisfy(r -> assertThat(r).contains("Ābols, čaj, Жёлтый", "13.00"));
        copyLog();
        assertThat(logFiles()).isNotEmpty();

        DataSource recovered = h2(copy);
        new RedoLog(env(copy)).postProcessAfterInitialization(recovered, "dataSource");
        assertThat(rows(recovered)).isEqualTo(expected);
        assertThat(new JdbcTemplate(recovered).queryForObject("SELECT COUNT(*) FROM redo_applied", Long.class))
                .isEqualTo(5);
        try (Stream<Path> left = Files.list(copy.resolve("redo"))) {
            assertThat(left).as("log files after recovery").isEmpty();
        }
    }

    @Test
    void aTornLastRecordWasNeverAcknowledgedAndIsDropped() throws Exception {
        RedoLog redo = new RedoLog(env(live));
        JdbcTemplate jdbc = new JdbcTemplate(start(redo, h2(live)));
        jdbc.update("INSERT INTO item (id, n) VALUES (?, ?)", UUID.randomUUID(), 1);
        jdbc.update("INSERT INTO item (id, n) VALUES (?, ?)", UUID.randomUUID(), 2);
        copyLog();
        Path last = logFiles().get(logFiles().size() - 1);
        byte[] all = Files.readAllBytes(last);
        Files.write(last, java.util.Arrays.copyOf(all, all.length - 3));   // the write cut short by the crash

        DataSource recovered = h2(copy);
        new RedoLog(env(copy)).postProcessAfterInitialization(recovered, "dataSource");
        assertThat(new JdbcTemplate(recovered).queryForList("SELECT n FROM item", Integer.class)).containsExactly(1);
    }

    @Test
    void aLogLeftByACrashIsReplayedEvenWhenTheServiceComesBackWithTheLogSwitchedOff() throws Exception {
        RedoLog redo = new RedoLog(env(live));
        JdbcTemplate jdbc = new JdbcTemplate(start(redo, h2(live)));
        jdbc.update("INSERT INTO item (id, n) VALUES (?, ?)", UUID.randomUUID(), 1);
        copyLog();

        DataSource recovered = h2(copy);
        Object bean = new RedoLog(env(copy).withProperty("pos.durability.redo-log", "false"))
                .postProcessAfterInitialization(recovered, "dataSource");
        assertThat(bean).as("not wrapped: the log is off from now on").isSameAs(recovered);
        assertThat(new JdbcTemplate(recovered).queryForList("SELECT n FROM item", Integer.class)).containsExactly(1);
    }

    @Test
    void recoveryStopsBeforeACommitTheLogCouldNotRecord() throws Exception {
        RedoLog redo = new RedoLog(env(live));
        DataSource ds = start(redo, h2(live));
        JdbcTemplate jdbc = new JdbcTemplate(ds);
        jdbc.update("INSERT INTO item (id, n) VALUES (?, ?)", UUID.randomUUID(), 1);
        long before = redo.unloggedCommits();
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO item (id, n, name) VALUES (RANDOM_UUID(), 2, ?)")) {
            ps.setCharacterStream(1, new StringReader("a stream"));   // no value the log can write
            ps.executeUpdate();
        }
        assertThat(redo.unloggedCommits()).as("the commit waits for a store instead").isEqualTo(before + 1);
        jdbc.update("INSERT INTO item (id, n) VALUES (?, ?)", UUID.randomUUID(), 3);
        copyLog();

        DataSource recovered = h2(copy);
        new RedoLog(env(copy)).postProcessAfterInitialization(recovered, "dataSource");
        // 3 came after a commit that was never stored, so its request was never answered either
        assertThat(new JdbcTemplate(recovered).queryForList("SELECT n FROM item", Integer.class)).containsExactly(1);
    }

    @Test
    void aLogThatDoesNotContinueTheDatabaseIsRefused() throws Exception {
        RedoLog redo = new RedoLog(env(live));
        JdbcTemplate jdbc = new JdbcTemplate(start(redo, h2(live)));
        jdbc.update("INSERT INTO item (id, n) VALUES (?, ?)", UUID.randomUUID(), 1);
        redo.cut();   // stored, its log file deleted: the copy (older) misses transaction 1 for good
        jdbc.update("INSERT INTO item (id, n) VALUES (?, ?)", UUID.randomUUID(), 2);
        copyLog();

        DataSource old = h2(copy);
        assertThatThrownBy(() -> new RedoLog(env(copy)).postProcessAfterInitialization(old, "dataSource"))
                .hasMessageContaining("continues from transaction 1 but the database file ends at 0")
                .hasMessageContaining("restored from a backup");
        assertThat(new JdbcTemplate(old).queryForList("SELECT n FROM item", Integer.class)).isEmpty();
    }

    /** Wraps the data source as the service does, starts the log, and takes the "crash" copy. */
    private DataSource start(RedoLog redo, JdbcDataSource raw) throws Exception {
        DataSource ds = (DataSource) redo.postProcessAfterInitialization(raw, "dataSource");
        redo.start();
        Files.createDirectories(copy);
        Files.copy(live.resolve("pos.mv.db"), copy.resolve("pos.mv.db"));
        return ds;
    }

    private void copyLog() throws Exception {
        Files.createDirectories(copy.resolve("redo"));
        for (Path f : liveLogFiles()) {
            Files.copy(f, copy.resolve("redo").resolve(f.getFileName()));
        }
    }

    private List<Path> logFiles() throws Exception {
        try (Stream<Path> s = Files.list(copy.resolve("redo"))) {
            return s.sorted().toList();
        }
    }

    private List<Path> liveLogFiles() throws Exception {
        try (Stream<Path> s = Files.list(live.resolve("redo"))) {
            return s.sorted().toList();
        }
    }

    private static List<String> rows(DataSource ds) {
        return new JdbcTemplate(ds).queryForList("SELECT id, n, big, amount, name, flag, at, ts, sold_on,"
                + " RAWTOHEX(data) AS data, note FROM item ORDER BY n").stream().map(Object::toString).toList();
    }

    private static JdbcDataSource h2(Path dir) {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:file:" + dir.toAbsolutePath().resolve("pos") + ";DB_CLOSE_DELAY=-1");
        return ds;
    }

    private static MockEnvironment env(Path dir) {
        return new MockEnvironment().withProperty("spring.datasource.url", "jdbc:h2:file:" + dir + "/pos")
                .withProperty("pos.data-path", dir.toString()).withProperty("pos.durability.redo-cut-millis", "3600000");
    }
}
