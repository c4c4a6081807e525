package io.storedesk.pos.specialorder.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.storedesk.pos.common.Money;
import io.storedesk.pos.common.SqlFilter;
import io.storedesk.pos.mail.MailOutbox;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Stores special orders, their lines and arrival e-mails, by plain JDBC. */
@Component
class SpecialOrderStore {

    private static final String COLUMNS = "order_number, status, customer_id, currency, quoted_total, deposit_type, "
            + "deposit_amount, deposit_masked_pan, deposit_drawer_id, deposit_register_id, note, ordered_by, ordered_at, "
            + "arrived_by, arrived_at, picked_up_by, picked_up_at, receipt_number, cancelled_by, cancelled_at, "
            + "cancel_reason, refund_type, refund_reference, id, deposit_reference";

    static final String ARRIVAL_MAIL = "ORDER_ARRIVED";

    private final JdbcClient jdbc;
    private final MailOutbox mail;

    SpecialOrderStore(JdbcClient jdbc, MailOutbox mail) {
        this.jdbc = jdbc;
        this.mail = mail;
    }

    /** An order with its key and the deposit's card reference, for changes. */
    record Row(UUID id, String depositReference, SpecialOrderView view) {

        String status() {
            return view.status();
        }

        Money deposit() {
            return Money.of(new BigDecimal(view.deposit().amount()), Currency.getInstance(view.currency()));
        }
    }

    /** A new order, before it is stored. */
    record NewOrder(UUID id, String number, UUID customerId, Money quotedTotal, String depositType, Money deposit,
            String depositReference, String maskedPan, String drawerId, String registerId, String note,
            String orderedBy, OffsetDateTime orderedAt, List<SpecialOrderView.Line> lines) {
    }

    long nextNumber() {
        jdbc.sql("UPDATE case_counter SET last_value = last_value + 1 WHERE name = 'SPECIAL_ORDER'").update();
        return jdbc.sql("SELECT last_value FROM case_counter WHERE name = 'SPECIAL_ORDER'").query(Long.class).single();
    }

    void insert(NewOrder o) {
        jdbc.sql("INSERT INTO special_order (id, order_number, customer_id, status, currency, quoted_total, deposit_type, "
                        + "deposit_amount, deposit_reference, deposit_masked_pan, deposit_drawer_id, deposit_register_id, "
                        + "note, ordered_by, ordered_at) VALUES (?, ?, ?, 'ORDERED', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(o.id(), o.number(), o.customerId(), o.deposit().currency().getCurrencyCode(),
                        o.quotedTotal().amount(), o.depositType(), o.deposit().amount(), o.depositReference(),
                        o.maskedPan(), o.drawerId(), o.registerId(), o.note(), o.orderedBy(), o.orderedAt())
                .update();
        for (SpecialOrderView.Line l : o.lines()) {
            jdbc.sql("INSERT INTO special_order_line (order_id, line_no, sku, name, quantity, unit_price) "
                            + "VALUES (?, ?, ?, ?, ?, ?)")
                    .params(o.id(), l.lineNo(), l.sku(), l.name(), l.quantity(), new BigDecimal(l.unitPrice()))
                    .update();
        }
    }

    Optional<Row> find(String number, boolean lock) {
        // lock 3 of docs/locking.md (special order) when locked
        return jdbc.sql("SELECT " + COLUMNS + " FROM special_order WHERE order_number = ?" + (lock ? " FOR UPDATE" : ""))
                .param(number)
                .query((rs, n) -> new Row(rs.getObject(24, UUID.class), rs.getString(25), view(rs)))
                .optional()
                .map(r -> new Row(r.id(), r.depositReference(), withLines(r.id(), r.view())));
    }

    List<SpecialOrderView> list(UUID customerId, String status, int limit) {
        SqlFilter filter = new SqlFilter().andIf(customerId, "customer_id = ?").andIf(status, "status = ?");
        record Found(UUID id, SpecialOrderView view) {
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM special_order WHERE " + filter.where()
                        + " ORDER BY ordered_at DESC, order_number DESC FETCH FIRST ? ROWS ONLY")
                .params(filter.params(limit)).query((rs, n) -> new Found(rs.getObject(24, UUID.class), view(rs))).list()
                .stream().map(f -> withLines(f.id(), f.view())).toList();
    }

    /** Moves the order from one status to another; false when it was no longer in {@code from}. */
    boolean transition(UUID id, String from, String to, String assignments, Object... values) {
        Object[] params = new Object[values.length + 3];
        params[0] = to;
        System.arraycopy(values, 0, params, 1, values.length);
        params[values.length + 1] = id;
        params[values.length + 2] = from;
        return jdbc.sql("UPDATE special_order SET status = ?, " + assignments + " WHERE id = ? AND status = ?")
                .params(params).update() == 1;
    }

    /** Queues the "your order has arrived" e-mail in the arrival's transaction. */
    void queueEmail(String orderNumber, String to, String user) {
        mail.queue(ARRIVAL_MAIL, orderNumber, to, user);
    }

    List<SpecialOrderView.Email> emails(String number) {
        return mail.of(number, List.of(ARRIVAL_MAIL)).stream()
                .map(e -> new SpecialOrderView.Email(e.to(), e.status().name(), e.attempts(), e.lastError(), e.sentAt()))
                .toList();
    }

    /** Erasure: an order's note may hold personal data, and its e-mails name the address; amounts stay. */
    void eraseTexts(UUID customerId) {
        jdbc.sql("UPDATE special_order SET note = CASE WHEN note IS NULL THEN NULL ELSE '[erased]' END "
                + "WHERE customer_id = ?").param(customerId).update();
        mail.erase(jdbc.sql("SELECT order_number FROM special_order WHERE customer_id = ?").param(customerId)
                .query(String.class).list(), List.of(ARRIVAL_MAIL));
    }

    private SpecialOrderView withLines(UUID id, SpecialOrderView v) {
        Currency currency = Currency.getInstance(v.currency());
        List<SpecialOrderView.Line> lines = jdbc.sql("SELECT line_no, sku, name, quantity, unit_price "
                        + "FROM special_order_line WHERE order_id = ? ORDER BY line_no")
                .param(id)
                .query((rs, n) -> new SpecialOrderView.Line(rs.getInt(1), rs.getString(2), rs.getString(3),
                        rs.getInt(4), Money.rounded(rs.getBigDecimal(5), currency).toString()))
                .list();
        return new SpecialOrderView(v.orderNumber(), v.status(), v.customerId(), v.currency(), lines, v.quotedTotal(),
                v.deposit(), v.balance(), v.note(), v.orderedBy(), v.orderedAt(), v.arrivedBy(), v.arrivedAt(),
                v.pickedUpBy(), v.pickedUpAt(), v.receiptNumber(), v.cancelledBy(), v.cancelledAt(), v.cancelReason(),
                v.refund(), v.emails());
    }

    private static SpecialOrderView view(ResultSet rs) throws SQLException {
        Currency currency = Currency.getInstance(rs.getString(4));
        Money total = Money.rounded(rs.getBigDecimal(5), currency);
        Money deposit = Money.rounded(rs.getBigDecimal(7), currency);
        SpecialOrderView.Refund refund = rs.getString(22) == null ? null
                : new SpecialOrderView.Refund(rs.getString(22), deposit.toString(), rs.getString(23));
        return new SpecialOrderView(rs.getString(1), rs.getString(2), rs.getString(3), currency.getCurrencyCode(),
                List.of(), total.toString(),
                new SpecialOrderView.Deposit(rs.getString(6), deposit.toString(), rs.getString(8), rs.getString(9),
                        rs.getString(10)),
                total.minus(deposit).toString(), rs.getString(11), rs.getString(12), time(rs, 13),
                rs.getString(14), time(rs, 15), rs.getString(16), time(rs, 17),
                rs.getString(18), rs.getString(19), time(rs, 20), rs.getString(21), refund, List.of());
    }

    /** A timestamp column in UTC (null stays null). */
    private static OffsetDateTime time(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.withOffsetSameInstant(ZoneOffset.UTC);
    }
}
