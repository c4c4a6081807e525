package io.storedesk.pos.drawer.internal;

import java.sql.DatabaseMetaData;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Lock 1 of docs/locking.md, the business-day lock: the single row of {@code business_day_gate},
 * held until the caller's transaction ends. Every posting to a business day holds it shared
 * ({@code FOR SHARE} on PostgreSQL; H2 has no shared row lock, so there it is a short exclusive
 * lock for the posting's transaction); a business-day close holds it exclusively, so it waits for
 * the postings in flight and every later posting sees the day closed.
 */
@Component
class DayLock {

    private static final String ROW = "SELECT id FROM business_day_gate WHERE id = 1";

    private final JdbcClient jdbc;
    private final String shared;

    DayLock(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        String product;
        try {
            product = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
        } catch (Exception e) {
            product = "";
        }
        this.shared = product.toLowerCase(java.util.Locale.ROOT).contains("postgres") ? " FOR SHARE" : " FOR UPDATE";
    }

    /** Held by a posting (sale, return, exchange, void, deposit, cash movement, drawer open or close). */
    @Transactional(propagation = Propagation.MANDATORY)
    void holdForPosting() {
        jdbc.sql(ROW + shared).query(Integer.class).single();
    }

    /** Held by the business-day close. */
    @Transactional(propagation = Propagation.MANDATORY)
    void holdForClose() {
        jdbc.sql(ROW + " FOR UPDATE").query(Integer.class).single();
    }
}
