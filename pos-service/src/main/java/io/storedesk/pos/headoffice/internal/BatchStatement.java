package io.storedesk.pos.headoffice.internal;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlParameterValue;

/**
 * PostgreSQL: the writes of a store's batch gathered and sent as one statement whose text depends
 * only on which tables the batch writes, not on how many rows (docs/scaling.md, "Fixed statement
 * shapes" and "Session 18"). Every table the batch writes is a data-modifying CTE
 * {@code INSERT ... SELECT * FROM unnest(?::type[], ...)} taking one array per column, the day and
 * month totals are upserts of that form, the loyalty accounts an upsert whose {@code RETURNING}
 * feeds the store's interest in cards homed elsewhere, and the statement ends with the update of
 * the store's row. So a store's usual batches (sales, with or without loyalty) run one or two
 * texts, which pgjdbc prepares once per connection (after {@code prepareThreshold} uses) and
 * PostgreSQL parses and plans once; and there is no parameter limit to fall back from (an array is
 * one parameter).
 *
 * <p>The CTEs write different tables, so no row is touched twice in the statement, and they all
 * see the snapshot from before it: a writer that must read what the batch wrote first (a post-void
 * of a sale sent in the same batch, figures emptied by post-voids) or that takes other row locks
 * (gift cards) runs the writes gathered so far first ({@link #run} without the store's update).
 * Scalar parameters are sent as text and cast, and arrays as {@code text[]}, so every execution
 * binds the same parameter types and the prepared statement is never re-prepared.
 *
 * <p>Big batches ({@link #COPY_FROM_ROWS} events or more): an append-only table with
 * {@link #COPY_FROM_ROWS} rows or more goes with {@code COPY ... FROM STDIN} on the transaction's
 * connection just before the statement (its array in the statement then empty), under the same lock
 * and in the same transaction.
 */
final class BatchStatement {

    /** A table of the statement: its columns with their PostgreSQL types, and what follows its SELECT. */
    enum Table {
        EVENT("ho_event", "store_id text, event_id text, sequence_no bigint, type text, occurred_at timestamptz, "
                + "payload text, received_at timestamptz", ""),
        SALE("ho_sale", "store_id text, receipt_number text, business_date date, sale_hour text, register_id text, "
                + "clerk text, currency text, subtotal numeric, discount_total numeric, total numeric, "
                + "tax_total numeric, cash_rounding numeric, loyalty_card text", ""),
        SALE_LINE("ho_sale_line", "store_id text, receipt_number text, line_no int, sku text, department text, "
                + "quantity int, unit_price numeric, discount numeric, net numeric, tax numeric, tax_rate text, "
                + "business_date date", ""),
        SALE_TENDER("ho_sale_tender", "store_id text, receipt_number text, tender_no int, type text, amount numeric, "
                + "business_date date", ""),
        VOID("ho_void", "store_id text, receipt_number text, business_date date, currency text, total numeric, "
                + "voided_by text", ""),
        RETURN("ho_return", "store_id text, return_number text, receipt_number text, business_date date, "
                + "currency text, refund_total numeric, cash_rounding numeric", ""),
        RETURN_REFUND("ho_return_refund", "store_id text, return_number text, refund_no int, type text, "
                + "amount numeric", ""),
        SALE_EXEMPT("ho_sale_exempt", "store_id text, receipt_number text, business_date date, reason text, "
                + "line_nos text, net numeric", ""),
        SALE_GIFT_CARD("ho_sale_gift_card", "store_id text, receipt_number text, business_date date, kind text, "
                + "cards int, amount numeric", ""),
        SALE_DISCOUNT("ho_sale_discount", "store_id text, receipt_number text, business_date date, reason text, "
                + "discounts int, amount numeric", ""),
        DAY_TOTAL("ho_day_total", "store_id text, business_date date, currency text, " + Totals.ADDED,
                Totals.upsert("ho_day_total", "store_id, business_date", Totals.ADDED)),
        DAY_FIGURE("ho_day_figure", "store_id text, business_date date, kind text, figure_key text, "
                + Totals.FIGURE_ADDED, Totals.upsert("ho_day_figure", "store_id, business_date, kind, figure_key",
                        Totals.FIGURE_ADDED)),
        MONTH_TOTAL("ho_month_total", "store_id text, month_start date, currency text, " + Totals.ADDED,
                Totals.upsert("ho_month_total", "store_id, month_start", Totals.ADDED)),
        MONTH_FIGURE("ho_month_figure", "store_id text, month_start date, kind text, figure_key text, "
                + Totals.FIGURE_ADDED, Totals.upsert("ho_month_figure", "store_id, month_start, kind, figure_key",
                        Totals.FIGURE_ADDED)),
        LOYALTY_ENTRY("ho_loyalty_entry", "entry_id text, store_id text, card text, entry_type text, points bigint, "
                + "applied_at timestamptz, occurred_at timestamptz, receipt_number text", ""),
        STOCK_MOVEMENT("ho_stock_movement", "store_id text, event_id text, line_no int, sku text, quantity int, "
                + "reason text, reason_code text, document text, occurred_at timestamptz", "");

        final String table;
        /** The column names, comma-separated, in the order of a row's values. */
        final String columns;
        final int width;
        final String sql;
        /** Rows only added (no upsert): from {@link #COPY_FROM_ROWS} rows on they go with COPY. */
        final boolean appendOnly;

        Table(String table, String typed, String tail) {
            this.table = table;
            List<String> names = new ArrayList<>();
            List<String> arrays = new ArrayList<>();
            for (String column : typed.split(",\\s*")) {
                String[] nameAndType = column.strip().split(" ");
                names.add(nameAndType[0]);
                arrays.add("?::" + nameAndType[1] + "[]");
            }
            this.columns = String.join(", ", names);
            this.width = names.size();
            this.sql = "INSERT INTO " + table + " (" + columns + ") SELECT * FROM unnest(" + String.join(", ", arrays)
                    + ")" + tail;
            this.appendOnly = tail.isEmpty();
        }
    }

    /** The day and month totals: the columns a batch adds to, and their upsert. */
    private static final class Totals {

        static final String ADDED = "sales_count bigint, gross_sales numeric, discounts numeric, sales_total numeric, "
                + "tax_total numeric, cash_rounding numeric, void_count bigint, void_amount numeric, "
                + "returns_count bigint, returns_amount numeric";
        static final String FIGURE_ADDED = "amount numeric, tax numeric, detail_rows bigint";

        static String upsert(String table, String keys, String added) {
            StringBuilder sql = new StringBuilder(" ON CONFLICT (").append(keys).append(") DO UPDATE SET ");
            String[] columns = added.split(",\\s*");
            for (int i = 0; i < columns.length; i++) {
                String c = columns[i].strip().split(" ")[0];
                sql.append(i == 0 ? "" : ", ").append(c).append(" = ").append(table).append('.').append(c)
                        .append(" + EXCLUDED.").append(c);
            }
            return sql.toString();
        }
    }

    /**
     * The cards' balances (ascending card order, as gathered: the rows are locked in that order) and
     * the store's interest in the cards homed elsewhere, from the upsert's {@code RETURNING} (each
     * card's home as it stands after this change). {@code change_no} is this transaction's id.
     */
    private static final String ACCOUNTS = "accounts AS (INSERT INTO ho_loyalty_account (card, balance, version, "
            + "updated_at, change_no, home_store) SELECT u.card, u.points, 1, ?::timestamptz, "
            + "pg_current_xact_id()::text::bigint, ?::text FROM unnest(?::text[], ?::bigint[]) WITH ORDINALITY "
            + "AS u (card, points, n) ORDER BY u.n "
            + "ON CONFLICT (card) DO UPDATE SET balance = ho_loyalty_account.balance + EXCLUDED.balance, "
            + "version = ho_loyalty_account.version + 1, updated_at = EXCLUDED.updated_at, "
            + "change_no = EXCLUDED.change_no, "
            + "home_store = COALESCE(ho_loyalty_account.home_store, EXCLUDED.home_store) "
            + "RETURNING card, home_store), "
            + "interest AS (INSERT INTO ho_loyalty_interest (store_id, card, since) SELECT ?::text, a.card, "
            + "?::timestamptz FROM accounts a WHERE a.home_store IS NULL OR a.home_store <> ?::text ON CONFLICT DO NOTHING) ";

    /** The store's row (no row when its id is null: writes run early, before the batch's end). */
    private static final String STORE = "UPDATE ho_store SET events = events + ?::bigint, "
            + "last_batch_at = COALESCE(?::timestamptz, last_batch_at), currency = COALESCE(?::text, currency) "
            + "WHERE store_id = ?::text";

    /**
     * In a batch of this many events or more, an append-only table with this many rows or more goes
     * with PostgreSQL's {@code COPY ... FROM STDIN} just before the statement, in the same
     * transaction and under the same store lock: no arrays to build, bind and unnest. Below it (the
     * stores' usual small batches, and the mid-size ones of 17-49 sales whose 3 lines a sale would
     * reach it in the lines' table alone) the one statement is fewer round trips: a COPY is two.
     */
    static final int COPY_FROM_ROWS = 50;

    /** The statement's text for each set of tables written (bit = ordinal; {@link #ACCOUNTS_BIT} the accounts). */
    private static final java.util.concurrent.ConcurrentMap<Integer, String> TEXTS =
            new java.util.concurrent.ConcurrentHashMap<>();
    private static final int ACCOUNTS_BIT = 1 << Table.values().length;

    /**
     * The statement writing the tables of {@code written}, then the store's row: a CTE per table
     * written, none for a table the batch leaves alone (an empty one still costs PostgreSQL the
     * setting up of its insert, its indexes and its locks: docs/scaling.md, "Session 18").
     */
    static String sql(int written) {
        return TEXTS.computeIfAbsent(written, w -> {
            List<String> ctes = new ArrayList<>();
            for (Table t : Table.values()) {
                if ((w & (1 << t.ordinal())) != 0) {
                    ctes.add("w_" + t.name().toLowerCase(java.util.Locale.ROOT) + " AS (" + t.sql + ")");
                }
            }
            if ((w & ACCOUNTS_BIT) != 0) {
                ctes.add(ACCOUNTS);
            }
            return (ctes.isEmpty() ? "" : "WITH " + String.join(", ", ctes) + " ") + STORE;
        });
    }

    private final Map<Table, List<Object[]>> rows = new EnumMap<>(Table.class);
    /** The events of the batch (rows ever added to {@code ho_event}): COPY only for a batch of many. */
    private int events;
    private final List<String> cards = new ArrayList<>();
    private final List<String> points = new ArrayList<>();
    private String accountsStore;
    private String accountsAt;

    /** Adds rows (values in {@link Table#columns} order) to a table's insert. */
    void add(Table table, List<Object[]> values) {
        if (!values.isEmpty()) {
            rows.computeIfAbsent(table, t -> new ArrayList<>()).addAll(values);
            if (table == Table.EVENT) {
                events += values.size();
            }
        }
    }

    /**
     * Adds {@code byCard}'s points to the cards' balances (one row per card; the caller gives them
     * in ascending order), the interest of {@code storeId} in those homed elsewhere recorded.
     */
    void accounts(String storeId, Map<String, Long> byCard, Timestamp at) {
        if (!cards.isEmpty()) {
            throw new IllegalStateException("a batch's accounts are gathered once");
        }
        byCard.forEach((card, p) -> {
            cards.add(card);
            points.add(Long.toString(p));
        });
        accountsStore = storeId;
        accountsAt = text(at);
    }

    boolean isEmpty() {
        return rows.isEmpty() && cards.isEmpty();
    }

    /** Runs the writes gathered so far (if any), and starts again empty. */
    void run(JdbcTemplate jdbc) {
        if (!isEmpty()) {
            execute(jdbc, null, 0, null, null);
        }
    }

    /** Runs the writes gathered so far and the update of the store's row at the batch's end. */
    void run(JdbcTemplate jdbc, String storeId, long events, Timestamp receivedAt, String currency) {
        execute(jdbc, storeId, events, receivedAt, currency);
    }

    private void execute(JdbcTemplate jdbc, String storeId, long events, Timestamp receivedAt, String currency) {
        copyLarge(jdbc);
        if (storeId == null && isEmpty()) {
            return; // all of it went with COPY
        }
        List<Object> params = new ArrayList<>();
        int written = 0;
        for (Map.Entry<Table, List<Object[]>> e : rows.entrySet()) { // EnumMap: in the tables' order
            Table t = e.getKey();
            List<Object[]> r = e.getValue();
            written |= 1 << t.ordinal();
            for (int c = 0; c < t.width; c++) {
                String[] column = new String[r.size()];
                for (int i = 0; i < column.length; i++) {
                    column[i] = text(r.get(i)[c]);
                }
                params.add(column);
            }
        }
        if (!cards.isEmpty()) {
            written |= ACCOUNTS_BIT;
            params.add(Rows.text(accountsAt));
            params.add(Rows.text(accountsStore));
            params.add(cards.toArray(String[]::new));
            params.add(points.toArray(String[]::new));
            params.add(Rows.text(accountsStore));
            params.add(Rows.text(accountsAt));
            params.add(Rows.text(accountsStore));
        }
        params.add(Rows.text(Long.toString(events)));
        params.add(Rows.text(text(receivedAt)));
        params.add(Rows.text(currency));
        params.add(Rows.text(storeId));
        jdbc.update(sql(written), params.toArray());
        rows.clear();
        cards.clear();
        points.clear();
        accountsStore = null;
        accountsAt = null;
    }

    /**
     * In a batch of at least {@link #COPY_FROM_ROWS} events, sends the append-only tables holding at
     * least {@link #COPY_FROM_ROWS} rows with COPY (in the tables' order), on the transaction's
     * connection, and takes them out of the statement. The same constraints hold as for the
     * statement's INSERT: a row breaking one fails the transaction.
     * The values are the statement's text ({@link #text}), so PostgreSQL reads the same values.
     */
    private void copyLarge(JdbcTemplate jdbc) {
        if (events < COPY_FROM_ROWS) {
            return; // a small or mid-size batch: its 3 lines a sale stay in the one statement
        }
        List<Table> large = rows.entrySet().stream()
                .filter(e -> e.getKey().appendOnly && e.getValue().size() >= COPY_FROM_ROWS).map(Map.Entry::getKey)
                .toList();
        if (large.isEmpty()) {
            return;
        }
        boolean copied = Boolean.TRUE.equals(jdbc.execute((ConnectionCallback<Boolean>) c -> {
            if (!c.isWrapperFor(PGConnection.class)) {
                return false;
            }
            for (Table t : large) {
                // encoded before COPY starts, so the COPY runs no longer than sending the rows takes
                byte[] data = copyText(rows.get(t)).getBytes(StandardCharsets.UTF_8);
                CopyManager copyApi = c.unwrap(PGConnection.class).getCopyAPI();
                CopyIn copy = copyApi.copyIn("COPY " + t.table + " (" + t.columns + ") FROM STDIN");
                try {
                    copy.writeToCopy(data, 0, data.length);
                    copy.endCopy();
                } finally {
                    if (copy.isActive()) {
                        copy.cancelCopy();
                    }
                }
            }
            return true;
        }));
        if (copied) {
            large.forEach(rows::remove);
        }
    }

    /** The rows in COPY's text format: tab between values, a line per row, {@code \N} for null. */
    static String copyText(List<Object[]> values) {
        StringBuilder out = new StringBuilder(values.size() * 96);
        for (Object[] row : values) {
            for (int i = 0; i < row.length; i++) {
                if (i > 0) {
                    out.append('\t');
                }
                String v = text(row[i]);
                if (v == null) {
                    out.append("\\N");
                    continue;
                }
                for (int k = 0; k < v.length(); k++) {
                    char ch = v.charAt(k);
                    switch (ch) {
                        case '\\' -> out.append("\\\\");
                        case '\t' -> out.append("\\t");
                        case '\n' -> out.append("\\n");
                        case '\r' -> out.append("\\r");
                        default -> out.append(ch);
                    }
                }
            }
            out.append('\n');
        }
        return out.toString();
    }

    /** A value as PostgreSQL reads it back exactly (null stays null). */
    static String text(Object value) {
        Object v = value instanceof SqlParameterValue p ? p.getValue() : value;
        if (v == null) {
            return null;
        } else if (v instanceof BigDecimal d) {
            return d.toPlainString();
        } else if (v instanceof Timestamp t) {
            return t.toInstant().toString();
        } else if (v instanceof OffsetDateTime t) {
            return t.toInstant().toString();
        }
        return v.toString(); // strings, numbers, java.sql.Date (yyyy-mm-dd)
    }
}
