package io.storedesk.pos.headoffice.internal;

import java.sql.Types;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlParameterValue;

/** JDBC helpers for the batch writers: typed nulls, bulk inserts and one-query existence checks. */
final class Rows {

    private Rows() {
    }

    /** A VARCHAR parameter that may be null (no driver round trip to learn the type of a null). */
    static SqlParameterValue text(String value) {
        return new SqlParameterValue(Types.VARCHAR, value);
    }

    static SqlParameterValue decimal(java.math.BigDecimal value) {
        return new SqlParameterValue(Types.NUMERIC, value);
    }

    /** Rows per multi-row INSERT statement. */
    static final int ROWS_PER_INSERT = 100;

    /**
     * Inserts the rows with multi-row {@code INSERT ... VALUES (...), (...)} statements of up to
     * {@value #ROWS_PER_INSERT} rows (portable, and far fewer statements for the database to run
     * than one per row, even in a JDBC batch). H2, and seeding; a store's batch on PostgreSQL goes
     * through {@link BatchStatement}, whose text does not change with the rows.
     */
    static void insert(JdbcTemplate jdbc, String table, String columns, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        int width = rows.get(0).length;
        String one = "(" + String.join(", ", java.util.Collections.nCopies(width, "?")) + ")";
        for (int from = 0; from < rows.size(); from += ROWS_PER_INSERT) {
            List<Object[]> chunk = rows.subList(from, Math.min(rows.size(), from + ROWS_PER_INSERT));
            Object[] params = new Object[chunk.size() * width];
            for (int i = 0; i < chunk.size(); i++) {
                System.arraycopy(chunk.get(i), 0, params, i * width, width);
            }
            jdbc.update("INSERT INTO " + table + " (" + columns + ") VALUES "
                    + String.join(", ", java.util.Collections.nCopies(chunk.size(), one)), params);
        }
    }

    /**
     * Which of {@code keys} the table already has for the store, in one query.
     *
     * @param keyColumn the key column next to {@code store_id}, or null for a table keyed by {@code column} alone
     */
    static Set<String> existing(JdbcTemplate jdbc, String table, String storeId, String column, Collection<String> keys) {
        Set<String> found = new HashSet<>();
        if (keys.isEmpty()) {
            return found;
        }
        String marks = String.join(",", java.util.Collections.nCopies(keys.size(), "?"));
        List<Object> params = new java.util.ArrayList<>(keys.size() + 1);
        String sql;
        if (storeId != null) {
            sql = "SELECT " + column + " FROM " + table + " WHERE store_id = ? AND " + column + " IN (" + marks + ")";
            params.add(storeId);
        } else {
            sql = "SELECT " + column + " FROM " + table + " WHERE " + column + " IN (" + marks + ")";
        }
        params.addAll(keys);
        jdbc.query(sql, rs -> {
            found.add(rs.getString(1));
        }, params.toArray());
        return found;
    }
}
