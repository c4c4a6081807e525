package io.storedesk.pos.drawer.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.storedesk.pos.drawer.DrawerActivity;
import io.storedesk.pos.journal.Journal;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads drawer sessions, cash movements and no-sale opens for reports; never writes. */
@Service
class DrawerActivityReader implements DrawerActivity {

    private static final List<String> MOVEMENTS = List.of("PAID_IN", "PAID_OUT", "SAFE_DROP", "PICKUP");

    private final JdbcClient jdbc;
    private final Journal journal;
    private final JsonMapper json;

    DrawerActivityReader(JdbcClient jdbc, Journal journal, JsonMapper json) {
        this.jdbc = jdbc;
        this.journal = journal;
        this.json = json;
    }

    @Override
    @Transactional(readOnly = true)
    public List<SessionSummary> sessions(LocalDate from, LocalDate to) {
        Map<String, String> currencies = new HashMap<>();
        List<SessionSummary> found = jdbc.sql("SELECT id, drawer_id, business_date, opened_by, closed_by, status, "
                        + "variance, result, currency FROM drawer_session WHERE business_date BETWEEN ? AND ? "
                        + "ORDER BY opened_at, drawer_id")
                .params(from, to)
                .query((rs, n) -> {
                    currencies.put(rs.getObject(1).toString(), rs.getString(9));
                    return new SessionSummary(rs.getString(2), rs.getObject(1).toString(),
                            rs.getObject(3, LocalDate.class), rs.getString(4), rs.getString(5), rs.getString(6),
                            BusinessDayService.money(rs.getBigDecimal(7), rs.getString(9)), rs.getString(8),
                            new TreeMap<>());
                })
                .list();
        if (found.isEmpty()) {
            return found;
        }
        Map<String, SessionSummary> byId = new HashMap<>();
        found.forEach(s -> byId.put(s.sessionId(), s));
        List<java.util.UUID> ids = found.stream().map(s -> java.util.UUID.fromString(s.sessionId())).toList();
        for (int i = 0; i < ids.size(); i += 500) {
            jdbc.sql("SELECT session_id, type, SUM(amount) FROM drawer_posting WHERE type IN (:types) "
                            + "AND session_id IN (:sessions) GROUP BY session_id, type")
                    .param("types", MOVEMENTS).param("sessions", ids.subList(i, Math.min(ids.size(), i + 500)))
                    .query(rs -> {
                        String id = rs.getObject(1).toString();
                        byId.get(id).movements().put(rs.getString(2),
                                BusinessDayService.money(rs.getBigDecimal(3).abs(), currencies.get(id)));
                    });
        }
        return found.stream().map(s -> new SessionSummary(s.drawerId(), s.sessionId(), s.businessDate(),
                s.openedBy(), s.closedBy(), s.status(), s.variance(), s.result(),
                java.util.Collections.unmodifiableMap(s.movements()))).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public List<NoSaleOpen> noSales(LocalDate from, LocalDate to) {
        Map<String, Object[]> sessions = new HashMap<>();
        jdbc.sql("SELECT id, drawer_id, business_date FROM drawer_session WHERE business_date BETWEEN ? AND ?")
                .params(from, to)
                .query(rs -> {
                    sessions.put(rs.getObject(1).toString(),
                            new Object[] {rs.getString(2), rs.getObject(3, LocalDate.class)});
                });
        List<NoSaleOpen> opens = new ArrayList<>();
        for (var e : journal.entriesOfType("NO_SALE", sessions.keySet())) {
            Object[] s = sessions.get(e.reference());
            JsonNode payload = json.readTree(e.payload());
            JsonNode reason = payload.get("reason");
            opens.add(new NoSaleOpen((String) s[0], e.reference(), (LocalDate) s[1], e.actor(),
                    reason == null || reason.isNull() ? null : reason.asString(), e.occurredAt()));
        }
        return opens;
    }
}
