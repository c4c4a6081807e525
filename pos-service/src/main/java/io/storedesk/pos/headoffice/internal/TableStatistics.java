package io.storedesk.pos.headoffice.internal;

import java.lang.management.ManagementFactory;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import io.storedesk.pos.common.ClusterLocks;
import io.storedesk.pos.headoffice.HeadOfficeProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps PostgreSQL's planner statistics of the head-office tables current while they grow fast.
 * A fresh head office taking a backlog has tables that grew from nothing faster than autovacuum
 * looks at them; planned on "the table is tiny", the duplicate check of each batch read the whole
 * event table (90 ms per batch at 100,000 events instead of 4 ms). So a scheduled job (every
 * {@code pos.head-office.statistics.interval}) analyses the tables when {@code ho_event} changed by
 * a quarter of its rows, and by at least {@code pos.head-office.statistics.min-rows}, since its last
 * analysis. How much changed comes from PostgreSQL's own counters ({@code pg_stat_user_tables}), so
 * it is the same on every node; the job runs on one node at a time (a PostgreSQL advisory lock,
 * {@link ClusterLocks#runExclusively}), never in a request thread, and the node that analysed
 * writes the time to {@code ho_job}, so no other node analyses again in the same interval. H2 does
 * this itself.
 */
@Component
@Profile("head-office")
@EnableScheduling
class TableStatistics {

    static final String LOCK = "head-office:analyze";
    private static final Logger log = LoggerFactory.getLogger(TableStatistics.class);
    private static final String TABLES = "ho_event, ho_sale, ho_sale_line, ho_sale_tender, ho_void, ho_return, "
            + "ho_return_refund, ho_loyalty_account, ho_loyalty_entry, ho_loyalty_interest";

    private final JdbcTemplate jdbc;
    private final ClusterLocks locks;
    private final HeadOfficeProperties.Statistics settings;
    private final Clock clock;
    private final String node;

    TableStatistics(JdbcTemplate jdbc, ClusterLocks locks, HeadOfficeProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.locks = locks;
        this.settings = properties.statistics();
        this.clock = clock;
        this.node = ManagementFactory.getRuntimeMXBean().getName();
    }

    @Scheduled(initialDelayString = "${pos.head-office.statistics.interval:30s}",
            fixedDelayString = "${pos.head-office.statistics.interval:30s}")
    void analyseWhenGrown() {
        if (!locks.postgres()) {
            return;
        }
        try {
            locks.runExclusively(LOCK, this::analyseIfDue);
        } catch (RuntimeException e) {
            log.warn("Could not analyse the head-office tables: {}", e.getMessage());
        }
    }

    private void analyseIfDue() {
        Instant now = clock.instant();
        List<Timestamp> last = jdbc.queryForList("SELECT last_run_at FROM ho_job WHERE name = ?", Timestamp.class, LOCK);
        if (!last.isEmpty() && last.get(0).toInstant().plus(settings.interval()).isAfter(now)) {
            return; // another node analysed within this turn (its counters may not have reached us yet)
        }
        List<long[]> figures = jdbc.query("SELECT s.n_mod_since_analyze, GREATEST(c.reltuples, 0)::bigint "
                + "FROM pg_stat_user_tables s JOIN pg_class c ON c.oid = s.relid "
                + "WHERE s.relname = 'ho_event' AND s.schemaname = current_schema()",
                (rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)});
        if (figures.isEmpty()) {
            return;
        }
        long changed = figures.get(0)[0];
        long rows = figures.get(0)[1];
        if (changed < Math.max(settings.minRows(), rows / 4)) {
            return;
        }
        long started = System.nanoTime();
        jdbc.execute("ANALYZE " + TABLES);
        Timestamp at = Timestamp.from(clock.instant());
        if (jdbc.update("UPDATE ho_job SET last_run_at = ?, last_node = ? WHERE name = ?", at, node, LOCK) == 0) {
            jdbc.update("INSERT INTO ho_job (name, last_run_at, last_node) VALUES (?, ?, ?)", LOCK, at, node);
        }
        log.info("Analysed the head-office tables ({} of ~{} events changed) in {} ms", changed, rows,
                (System.nanoTime() - started) / 1_000_000);
    }
}
