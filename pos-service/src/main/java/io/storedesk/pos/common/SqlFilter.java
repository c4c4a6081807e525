package io.storedesk.pos.common;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The WHERE clause of a list query whose filters are optional: each filter given adds its condition
 * (with {@code ?} placeholders) and its values; conditions are joined by AND. Only condition text
 * written in the code goes into the SQL, values always as parameters.
 *
 * <pre>{@code
 * SqlFilter filter = new SqlFilter().andIf(status, "status = ?").andIf(customerId, "customer_id = ?");
 * jdbc.sql("SELECT ... FROM t WHERE " + filter.where() + " ... FETCH FIRST ? ROWS ONLY")
 *         .params(filter.params(limit))
 * }</pre>
 */
public final class SqlFilter {

    private final List<String> conditions = new ArrayList<>();
    private final List<Object> params = new ArrayList<>();

    /** Adds the condition with its values. */
    public SqlFilter and(String condition, Object... values) {
        conditions.add(condition);
        Collections.addAll(params, values);
        return this;
    }

    /** Adds the condition, with {@code value} as its one parameter, when the value is given (not null). */
    public SqlFilter andIf(Object value, String condition) {
        return value == null ? this : and(condition, value);
    }

    /** The conditions joined by AND, each in parentheses; {@code 1 = 1} when there are none. */
    public String where() {
        if (conditions.isEmpty()) {
            return "1 = 1";
        }
        return String.join(" AND ", conditions.stream().map(c -> "(" + c + ")").toList());
    }

    /** The values of the conditions in order, then {@code trailing} (e.g. a row limit). */
    public List<Object> params(Object... trailing) {
        List<Object> all = new ArrayList<>(params);
        Collections.addAll(all, trailing);
        return all;
    }
}
