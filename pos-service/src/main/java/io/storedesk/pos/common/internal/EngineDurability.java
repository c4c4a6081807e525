package io.storedesk.pos.common.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import javax.sql.DataSource;

import io.storedesk.pos.common.Durability;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Durability by the database engine (ADR 0004). At start-up it refuses a database that would
 * acknowledge a commit before writing it: an H2 file database must run with {@code WRITE_DELAY=0}
 * (every commit stored in the file before it returns), a PostgreSQL one with {@code fsync} and
 * {@code synchronous_commit} on. It also refuses to start over the redo log of an older version
 * (ADR 0003), whose transactions this version would not replay.
 */
@Component
class EngineDurability implements Durability, InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(EngineDurability.class);

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final Path dataPath;
    private Engine engine;

    enum Engine { H2_FILE, H2_MEMORY, POSTGRESQL, OTHER }

    EngineDurability(DataSource dataSource, JdbcClient jdbc, @Value("${pos.data-path}") String dataPath) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.dataPath = Path.of(dataPath);
    }

    @Override
    public void afterPropertiesSet() throws SQLException {
        Path redo = dataPath.resolve("redo");
        if (Files.isDirectory(redo)) {
            try (var files = Files.list(redo)) {
                if (files.findAny().isPresent()) {
                    throw new IllegalStateException(("%s holds the redo log of an older version of the service, whose"
                            + " last transactions may not be in the database yet. Start the previous version once and"
                            + " stop it cleanly (that stores them and empties the log), then start this version.")
                            .formatted(redo.toAbsolutePath()));
                }
            } catch (java.io.IOException e) {
                throw new IllegalStateException("cannot read " + redo, e);
            }
        }
        try (Connection c = dataSource.getConnection()) {
            String product = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
            String url = c.getMetaData().getURL();
            engine = product.contains("h2") ? (url.startsWith("jdbc:h2:mem:") ? Engine.H2_MEMORY : Engine.H2_FILE)
                    : product.contains("postgres") ? Engine.POSTGRESQL : Engine.OTHER;
        }
        Map<String, String> settings = settings();
        String unsafe = switch (engine) {
            case H2_FILE -> "0".equals(settings.get("WRITE_DELAY")) ? null
                    : "WRITE_DELAY is " + settings.get("WRITE_DELAY") + ": add ;WRITE_DELAY=0 to spring.datasource.url";
            case POSTGRESQL -> "off".equals(settings.get("fsync")) || "off".equals(settings.get("synchronous_commit"))
                    ? "fsync is " + settings.get("fsync") + " and synchronous_commit is "
                            + settings.get("synchronous_commit") + ": both must be on"
                    : null;
            default -> null;
        };
        if (unsafe != null) {
            throw new IllegalStateException("The database would acknowledge commits before writing them ("
                    + unsafe + "); the service does not run that way, because a crash would lose sales it had"
                    + " confirmed. See docs/adr/0004-durability-by-the-database-engine.md.");
        }
        log.info("Database {}: commits are durable when they return ({})", engine, settings);
    }

    /** The engine settings that decide durability, as the engine reports them. */
    Map<String, String> settings() {
        Map<String, String> settings = new TreeMap<>();
        switch (engine) {
            case H2_FILE, H2_MEMORY -> jdbc.sql("SELECT SETTING_NAME, SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS"
                            + " WHERE SETTING_NAME IN ('WRITE_DELAY', 'RETENTION_TIME')")
                    .query(rs -> {
                        settings.put(rs.getString(1), rs.getString(2));
                    });
            case POSTGRESQL -> jdbc.sql("SELECT name, setting FROM pg_settings WHERE name IN ('fsync', "
                            + "'synchronous_commit', 'full_page_writes', 'wal_sync_method')")
                    .query(rs -> {
                        settings.put(rs.getString(1), rs.getString(2));
                    });
            default -> {
            }
        }
        return settings;
    }

    @Override
    public void syncOnCommit() {
        if (engine != Engine.H2_FILE) {
            return;
        }
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    sync();
                }
            });
        } else {
            sync();
        }
    }

    private void sync() {
        try (Connection c = dataSource.getConnection(); var s = c.createStatement()) {
            s.execute("CHECKPOINT SYNC");
        } catch (SQLException e) {
            throw new IllegalStateException("the database could not sync its file to the disk", e);
        }
    }
}
