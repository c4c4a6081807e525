package io.storedesk.pos.headoffice.internal;

import java.nio.charset.StandardCharsets;
import java.sql.Types;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.jdbc.core.ConnectionCallback;
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
     * than one per row, even in a JDBC batch).
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

    /** From this many rows on, {@link #append} sends them with PostgreSQL's COPY. */
    static final int COPY_FROM_ROWS = 50;

    /**
     * Appends new rows to a table in the current transaction: on PostgreSQL, from
     * {@value #COPY_FROM_ROWS} rows on, with one {@code COPY ... FROM STDIN} (pgjdbc's
     * {@link org.postgresql.copy.CopyManager}: the rows stream in the text format, no statement to
     * parse and plan per chunk of rows), else with {@link #insert}. The same constraints hold as for
     * an INSERT (a row breaking one fails the statement and so the transaction), so callers append
     * rows they checked are new (under the lock that makes that check hold).
     */
    static void append(JdbcTemplate jdbc, String table, String columns, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        if (rows.size() < COPY_FROM_ROWS) {
            insert(jdbc, table, columns, rows);
            return;
        }
        // the rows are encoded before COPY starts, so the statement runs no longer than sending them takes
        StringBuilder text = new StringBuilder(rows.size() * 128);
        for (Object[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                if (i > 0) {
                    text.append('\t');
                }
                copyValue(text, row[i]);
            }
            text.append('\n');
        }
        byte[] data = text.toString().getBytes(StandardCharsets.UTF_8);
        boolean copied = Boolean.TRUE.equals(jdbc.execute((ConnectionCallback<Boolean>) c -> {
            if (!c.isWrapperFor(PGConnection.class)) {
                return false;
            }
            CopyIn copy = c.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("COPY " + table + " (" + columns + ") FROM STDIN");
            try {
                copy.writeToCopy(data, 0, data.length);
                copy.endCopy();
            } finally {
                if (copy.isActive()) {
                    copy.cancelCopy();
                }
            }
            return true;
        }));
        if (!copied) {
            insert(jdbc, table, columns, rows);
        }
    }

    /** One value in COPY's text format: {@code \N} for null, backslash, tab and line breaks escaped. */
    private static void copyValue(StringBuilder out, Object value) {
        Object v = value instanceof SqlParameterValue p ? p.getValue() : value;
        String text;
        if (v == null) {
            out.append("\\N");
            return;
        } else if (v instanceof java.math.BigDecimal d) {
            text = d.toPlainString();
        } else if (v instanceof java.sql.Timestamp t) {
            text = t.toInstant().toString();
        } else {
            text = v.toString(); // strings, numbers, java.sql.Date (yyyy-mm-dd)
        }
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            switch (ch) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(ch);
            }
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
