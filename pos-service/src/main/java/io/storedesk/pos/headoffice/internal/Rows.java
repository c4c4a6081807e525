package io.storedesk.pos.headoffice.internal;

import java.sql.Types;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlParameterValue;

/** JDBC helpers for the batch writers: typed nulls and one-query existence checks. */
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
