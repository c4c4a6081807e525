package io.storedesk.pos.headoffice.internal;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps PostgreSQL's planner statistics of the head-office tables current while they grow fast.
 * A fresh head office taking a backlog has tables that grew from nothing faster than autovacuum
 * looks at them; planned on "the table is tiny", the duplicate check of each batch read the whole
 * event table (90 ms per batch at 100,000 events instead of 4 ms). So every time the tables grew by
 * a quarter (at least 5,000 events) since the last time, they are analysed. H2 does this itself.
 */
@Component
@Profile("head-office")
class TableStatistics {

    private static final Logger log = LoggerFactory.getLogger(TableStatistics.class);
    private static final String TABLES = "ho_event, ho_sale, ho_sale_line, ho_sale_tender, ho_void, ho_return, "
            + "ho_return_refund, ho_loyalty_account, ho_loyalty_entry";

    private final JdbcTemplate jdbc;
    private final boolean postgres;
    private long analysedAt = -1;
    private long grown;

    TableStatistics(JdbcTemplate jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        boolean pg;
        try (Connection c = dataSource.getConnection()) {
            pg = c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres");
        } catch (SQLException e) {
            pg = false;
        }
        this.postgres = pg;
    }

    /** Called after a batch committed with {@code events} new events. */
    void grew(int events) {
        if (!postgres || events == 0) {
            return;
        }
        synchronized (this) {
            if (analysedAt < 0) {
                Long total = jdbc.queryForObject("SELECT COALESCE(SUM(events), 0) FROM ho_store", Long.class);
                analysedAt = total == null ? 0 : total - events;
            }
            grown += events;
            if (grown < Math.max(5_000, analysedAt / 4)) {
                return;
            }
            analysedAt += grown;
            grown = 0;
        }
        long started = System.nanoTime();
        try {
            jdbc.execute("ANALYZE " + TABLES);
            log.debug("Analysed the head-office tables at {} events in {} ms", analysedAt,
                    (System.nanoTime() - started) / 1_000_000);
        } catch (RuntimeException e) {
            log.warn("Could not analyse the head-office tables: {}", e.getMessage());
        }
    }
}
