package io.storedesk.pos.specialorder.internal;

import java.time.OffsetDateTime;

import io.storedesk.pos.specialorder.SpecialOrders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Counts special orders by the times of their steps, and the deposits of the open ones. */
@Component
class SpecialOrderFigures implements SpecialOrders {

    private final JdbcClient jdbc;

    SpecialOrderFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Figures figures(OffsetDateTime from, OffsetDateTime to) {
        long placed = count("SELECT COUNT(*) FROM special_order WHERE ordered_at >= ? AND ordered_at < ?", from, to);
        long pickedUp = count("SELECT COUNT(*) FROM special_order WHERE picked_up_at >= ? AND picked_up_at < ?",
                from, to);
        long cancelled = count("SELECT COUNT(*) FROM special_order WHERE cancelled_at >= ? AND cancelled_at < ?",
                from, to);
        return jdbc.sql("SELECT COUNT(*), COALESCE(SUM(deposit_amount), 0) FROM special_order "
                        + "WHERE status IN ('ORDERED', 'ARRIVED')")
                .query((rs, n) -> new Figures(placed, pickedUp, cancelled, rs.getLong(1), rs.getBigDecimal(2)))
                .single();
    }

    private long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }
}
