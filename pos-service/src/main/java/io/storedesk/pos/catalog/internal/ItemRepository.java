package io.storedesk.pos.catalog.internal;

import java.time.ZoneOffset;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Counts the store's items and inserts the seed catalogue as one JDBC batch (ADR 0006). */
@Repository
class ItemRepository {

    private final JdbcTemplate jdbc;

    ItemRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    long count() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM item", Long.class);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void insertAll(List<Item> items) {
        jdbc.batchUpdate("INSERT INTO item (sku, barcode, name, department, price, currency, tax_category, search_text, "
                        + "active, min_age, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", items, 500,
                (ps, i) -> {
                    ps.setString(1, i.sku());
                    ps.setString(2, i.barcode());
                    ps.setString(3, i.name());
                    ps.setString(4, i.department());
                    ps.setBigDecimal(5, i.price());
                    ps.setString(6, i.currency());
                    ps.setString(7, i.taxCategory());
                    ps.setString(8, i.searchText());
                    ps.setBoolean(9, i.active());
                    ps.setObject(10, i.minAge(), java.sql.Types.INTEGER);
                    ps.setObject(11, i.updatedAt().atOffset(ZoneOffset.UTC));
                });
    }
}
