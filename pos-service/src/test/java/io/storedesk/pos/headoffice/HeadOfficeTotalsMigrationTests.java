package io.storedesk.pos.headoffice;

import java.math.BigDecimal;
import java.util.Map;

import javax.sql.DataSource;

import io.storedesk.pos.support.Postgres;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A head office upgraded from V95 with received sales, a post-void and a return: the day totals are
 * summed from what it holds (V105), the lines and tenders get their sale's business date, and on
 * PostgreSQL the detail tables become month-partitioned with every row kept (V106).
 */
class HeadOfficeTotalsMigrationTests {

    @Test
    void anH2HeadOfficeUpgradesWithItsTotalsSummed() {
        JdbcDataSource db = new JdbcDataSource();
        db.setURL("jdbc:h2:mem:ho-totals-migration;DB_CLOSE_DELAY=-1");
        upgrade(db, "classpath:db/migration/h2");
    }

    @Test
    void aPostgresHeadOfficeUpgradesToPartitionedDetailWithItsTotalsSummed() {
        PGSimpleDataSource db = new PGSimpleDataSource();
        db.setURL(Postgres.newDatabase("hototalsmigration"));
        db.setUser("postgres");
        upgrade(db, "classpath:db/migration/postgresql");
        JdbcClient jdbc = JdbcClient.create(db);
        assertThat(jdbc.sql("SELECT relkind FROM pg_class WHERE relname = 'ho_sale_line'").query(String.class).single())
                .isEqualTo("p");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM ho_sale_line_2025_10").query(Long.class).single()).isEqualTo(3);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM ho_sale_default").query(Long.class).single()).isZero();
    }

    private static void upgrade(DataSource db, String vendor) {
        Flyway.configure().dataSource(db).locations("classpath:db/migration/common", vendor).target("95").load()
                .migrate();
        JdbcClient jdbc = JdbcClient.create(db);
        jdbc.sql("INSERT INTO ho_store (store_id, currency, events) VALUES ('S1', 'EUR', 5)").update();
        sale(jdbc, "S1-1", "9.00", "CASH");
        sale(jdbc, "S1-2", "3.00", "CARD");
        jdbc.sql("INSERT INTO ho_sale_line VALUES ('S1', 'S1-1', 2, 'B', 'DRINKS', 1, 4.00, 0, 4.00, 0.69, '21')")
                .update();
        jdbc.sql("INSERT INTO ho_void VALUES ('S1', 'S1-2', DATE '2025-10-14', 'EUR', 3.00, 'clerk')").update();
        jdbc.sql("INSERT INTO ho_return VALUES ('S1', 'X-1', 'S1-1', DATE '2025-10-14', 'EUR', 4.00, 0)").update();
        jdbc.sql("INSERT INTO ho_return_refund VALUES ('S1', 'X-1', 1, 'CASH', 4.00)").update();

        Flyway.configure().dataSource(db).locations("classpath:db/migration/common", vendor).load().migrate();

        Map<String, Object> day = jdbc.sql("SELECT * FROM ho_day_total WHERE store_id = 'S1' "
                + "AND business_date = DATE '2025-10-14'").query().singleRow();
        Map<String, Object> lower = new java.util.HashMap<>();
        day.forEach((k, v) -> lower.put(k.toLowerCase(java.util.Locale.ROOT), v));
        assertThat(lower.get("sales_count")).isEqualTo(1L);
        assertThat((BigDecimal) lower.get("sales_total")).isEqualByComparingTo("9.00");
        assertThat(lower.get("void_count")).isEqualTo(1L);
        assertThat((BigDecimal) lower.get("void_amount")).isEqualByComparingTo("3.00");
        assertThat((BigDecimal) lower.get("returns_amount")).isEqualByComparingTo("4.00");
        assertThat(jdbc.sql("SELECT amount FROM ho_day_figure WHERE store_id = 'S1' AND kind = 'DEPARTMENT' "
                + "AND figure_key = 'FOOD'").query(BigDecimal.class).single()).isEqualByComparingTo("5.00");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM ho_day_figure WHERE kind = 'TENDER'").query(Long.class).single())
                .isEqualTo(1); // the voided sale's CARD is in no figure
        assertThat(jdbc.sql("SELECT amount FROM ho_day_figure WHERE kind = 'REFUND' AND figure_key = 'CASH'")
                .query(BigDecimal.class).single()).isEqualByComparingTo("4.00");
        // V128: the month rows summed once from the day rows
        assertThat(jdbc.sql("SELECT sales_total FROM ho_month_total WHERE store_id = 'S1' "
                + "AND month_start = DATE '2025-10-01'").query(BigDecimal.class).single()).isEqualByComparingTo("9.00");
        assertThat(jdbc.sql("SELECT void_count + returns_count FROM ho_month_total WHERE store_id = 'S1'")
                .query(Long.class).single()).isEqualTo(2);
        assertThat(jdbc.sql("SELECT amount FROM ho_month_figure WHERE store_id = 'S1' AND month_start = DATE "
                + "'2025-10-01' AND kind = 'DEPARTMENT' AND figure_key = 'FOOD'").query(BigDecimal.class).single())
                .isEqualByComparingTo("5.00");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM ho_month_figure").query(Long.class).single())
                .isEqualTo(jdbc.sql("SELECT COUNT(*) FROM ho_day_figure").query(Long.class).single());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM ho_sale_line WHERE business_date = DATE '2025-10-14'")
                .query(Long.class).single()).isEqualTo(3);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM ho_sale_tender WHERE business_date = DATE '2025-10-14'")
                .query(Long.class).single()).isEqualTo(2);
    }

    private static void sale(JdbcClient jdbc, String receipt, String total, String tender) {
        jdbc.sql("INSERT INTO ho_sale VALUES ('S1', ?, DATE '2025-10-14', '09', 'R01', 'clerk', 'EUR', ?, 0, ?, 0.50, 0, "
                + "NULL)").params(receipt, new BigDecimal(total), new BigDecimal(total)).update();
        jdbc.sql("INSERT INTO ho_sale_line VALUES ('S1', ?, 1, 'A', 'FOOD', 1, 5.00, 0, ?, 0.50, '12')")
                .params(receipt, new BigDecimal(total).subtract(new BigDecimal("4.00"))).update();
        jdbc.sql("INSERT INTO ho_sale_tender VALUES ('S1', ?, 1, ?, ?)").params(receipt, tender, new BigDecimal(total))
                .update();
    }
}
