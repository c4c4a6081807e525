package io.storedesk.pos.headoffice.internal;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.storedesk.pos.common.ClusterLocks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The head-office job that keeps the detail tables' month partitions and their retention, run once
 * per cluster ({@link ClusterLocks#runExclusively}) at start-up and every
 * {@code pos.head-office.partitions.interval}:
 * <ul>
 * <li>PostgreSQL: makes the month partitions of {@code ho_sale}, {@code ho_sale_line} and
 * {@code ho_sale_tender} for this month and the next {@code pos.head-office.partitions.ahead}
 * ones (and for a month the default partition took rows of), with the migration's
 * {@code ho_ensure_month};</li>
 * <li>with {@code pos.head-office.retention-months} = N above 0: keeps the detail of this month and
 * the N months before it; older months' partitions are dropped (PostgreSQL), older rows deleted
 * (the default partitions, the other detail tables, received events; H2: every detail table). The
 * per store and day totals stay, unless {@code pos.head-office.totals-retention-months} is set as
 * well.</li>
 * </ul>
 */
@Component
@Profile("head-office")
class HeadOfficePartitions {

    static final String LOCK = "head-office:partitions";
    static final List<String> PARTITIONED = List.of("ho_sale", "ho_sale_line", "ho_sale_tender");
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy_MM");
    private static final Logger log = LoggerFactory.getLogger(HeadOfficePartitions.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final ClusterLocks locks;
    private final Clock clock;
    private final int ahead;
    private final int retentionMonths;
    private final int totalsRetentionMonths;

    HeadOfficePartitions(JdbcTemplate jdbc, TransactionTemplate tx, ClusterLocks locks, Clock clock,
            @Value("${pos.head-office.partitions.ahead:3}") int ahead,
            @Value("${pos.head-office.retention-months:0}") int retentionMonths,
            @Value("${pos.head-office.totals-retention-months:0}") int totalsRetentionMonths) {
        if (ahead < 0 || retentionMonths < 0 || totalsRetentionMonths < 0) {
            throw new IllegalArgumentException("pos.head-office.partitions.ahead, retention-months and "
                    + "totals-retention-months must not be negative");
        }
        this.jdbc = jdbc;
        this.tx = tx;
        this.locks = locks;
        this.clock = clock;
        this.ahead = ahead;
        this.retentionMonths = retentionMonths;
        this.totalsRetentionMonths = totalsRetentionMonths;
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStartUp() {
        scheduled();
    }

    @Scheduled(initialDelayString = "${pos.head-office.partitions.interval:6h}",
            fixedDelayString = "${pos.head-office.partitions.interval:6h}")
    void scheduled() {
        try {
            runOnce();
        } catch (RuntimeException e) {
            log.warn("Could not maintain the head-office partitions: {}", e.getMessage());
        }
    }

    /** Runs the job unless another node (or thread) runs it; answers what it did, or null if it did not run. */
    Map<String, Object> runOnce() {
        List<Map<String, Object>> done = new ArrayList<>();
        boolean ran = locks.runExclusively(LOCK, () -> done.add(run()));
        return ran ? done.get(0) : null;
    }

    /** The first day of the oldest month whose detail is kept, or null when everything is kept. */
    LocalDate detailCutoff() {
        return cutoff(retentionMonths);
    }

    private LocalDate cutoff(int months) {
        return months == 0 ? null : today().withDayOfMonth(1).minusMonths(months);
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private Map<String, Object> run() {
        Map<String, Object> out = new LinkedHashMap<>();
        LocalDate cutoff = detailCutoff();
        List<String> created = new ArrayList<>();
        List<String> dropped = new ArrayList<>();
        long deleted = 0;
        if (locks.postgres()) {
            created.addAll(createAhead(cutoff));
        }
        if (cutoff != null) {
            if (locks.postgres()) {
                dropped.addAll(dropBefore(cutoff));
            }
            deleted += deleteDetailBefore(cutoff);
        }
        LocalDate totalsCutoff = cutoff(totalsRetentionMonths);
        if (totalsCutoff != null) {
            Date before = Date.valueOf(totalsCutoff);
            deleted += tx.execute(s -> jdbc.update("DELETE FROM ho_day_figure WHERE business_date < ?", before)
                    + jdbc.update("DELETE FROM ho_day_total WHERE business_date < ?", before)
                    // the cutoff is a month's first day: the months before it go whole, as their days do
                    + jdbc.update("DELETE FROM ho_month_figure WHERE month_start < ?", before)
                    + jdbc.update("DELETE FROM ho_month_total WHERE month_start < ?", before)
                    + jdbc.update("DELETE FROM ho_day_close WHERE business_date < ?", before));
        }
        out.put("detailKeptFrom", cutoff == null ? null : cutoff.toString());
        out.put("totalsKeptFrom", totalsCutoff == null ? null : totalsCutoff.toString());
        out.put("createdPartitions", created);
        out.put("droppedPartitions", dropped);
        out.put("deletedRows", deleted);
        if (!created.isEmpty() || !dropped.isEmpty() || deleted > 0) {
            log.info("Head-office partitions: created {}, dropped {}, {} rows deleted", created, dropped, deleted);
        }
        return out;
    }

    /** This month and the next ones, and the kept months the default partitions took rows of. */
    private List<String> createAhead(LocalDate cutoff) {
        List<String> created = new ArrayList<>();
        LocalDate month = today().withDayOfMonth(1);
        for (String table : PARTITIONED) {
            List<LocalDate> months = new ArrayList<>();
            for (int i = 0; i <= ahead; i++) {
                months.add(month.plusMonths(i));
            }
            jdbc.queryForList("SELECT DISTINCT CAST(date_trunc('month', business_date) AS DATE) FROM " + table
                    + "_default", Date.class).forEach(d -> months.add(d.toLocalDate()));
            for (LocalDate m : months) {
                if (cutoff != null && m.isBefore(cutoff)) {
                    continue; // retention deletes these rows
                }
                Boolean made = tx.execute(s -> jdbc.queryForObject("SELECT ho_ensure_month(?, ?)", Boolean.class,
                        table, Date.valueOf(m)));
                if (Boolean.TRUE.equals(made)) {
                    created.add(table + "_" + m.format(MONTH));
                }
            }
        }
        return created;
    }

    /** Drops the month partitions before the cutoff (each in its own short transaction). */
    private List<String> dropBefore(LocalDate cutoff) {
        List<String> dropped = new ArrayList<>();
        for (String table : PARTITIONED) {
            List<String> parts = jdbc.queryForList("SELECT c.relname FROM pg_inherits i "
                    + "JOIN pg_class c ON c.oid = i.inhrelid JOIN pg_class p ON p.oid = i.inhparent "
                    + "JOIN pg_namespace n ON n.oid = p.relnamespace "
                    + "WHERE p.relname = ? AND n.nspname = current_schema() ORDER BY c.relname", String.class, table);
            for (String part : parts) {
                String suffix = part.substring(table.length());
                if (!suffix.matches("_\\d{4}_\\d{2}")) {
                    continue; // the default partition, or another table's
                }
                LocalDate month = LocalDate.parse(suffix.substring(1) + "_01",
                        DateTimeFormatter.ofPattern("yyyy_MM_dd"));
                if (month.isBefore(cutoff)) {
                    tx.executeWithoutResult(s -> jdbc.execute("DROP TABLE " + part));
                    dropped.add(part);
                }
            }
        }
        return dropped;
    }

    /** Deletes the detail rows before the cutoff that no dropped partition took away. */
    private long deleteDetailBefore(LocalDate cutoff) {
        Date before = Date.valueOf(cutoff);
        Timestamp receivedBefore = Timestamp.from(cutoff.atStartOfDay(ZoneOffset.UTC).toInstant());
        return tx.execute(s -> {
            long n = 0;
            for (String table : PARTITIONED) {
                n += jdbc.update("DELETE FROM " + table + " WHERE business_date < ?", before);
            }
            n += jdbc.update("DELETE FROM ho_sale_exempt WHERE business_date < ?", before);
            n += jdbc.update("DELETE FROM ho_sale_gift_card WHERE business_date < ?", before);
            n += jdbc.update("DELETE FROM ho_sale_discount WHERE business_date < ?", before);
            n += jdbc.update("DELETE FROM ho_void WHERE business_date < ?", before);
            n += jdbc.update("DELETE FROM ho_return_refund f WHERE EXISTS (SELECT 1 FROM ho_return r "
                    + "WHERE r.store_id = f.store_id AND r.return_number = f.return_number AND r.business_date < ?)",
                    before);
            n += jdbc.update("DELETE FROM ho_return WHERE business_date < ?", before);
            n += jdbc.update("DELETE FROM ho_event WHERE received_at < ?", receivedBefore);
            return n;
        });
    }
}
