package io.storedesk.pos.drawer.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

import io.storedesk.pos.drawer.DrawerReports;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Reads X reports and closed sessions for other modules (printed drawer documents). */
@Service
class DrawerReportReader implements DrawerReports {

    private static final String CLOSED = "SELECT id, drawer_id, register_id, business_date, currency, opened_by, "
            + "opened_at, closed_by, closed_at, opening_float, float_counts, closing_expected, counted_cash, variance, "
            + "result, approved_by, counted_counts FROM drawer_session WHERE drawer_id = ? AND closed_at IS NOT NULL ";

    private final XReports xReports;
    private final JdbcClient jdbc;
    private final JsonMapper json;

    DrawerReportReader(XReports xReports, JdbcClient jdbc, JsonMapper json) {
        this.xReports = xReports;
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    public XReport xReport(String drawerId) {
        XReports.XReport x = xReports.of(drawerId);
        return new XReport(x.drawerId(), x.registerId(), x.sessionId(), x.businessDate(), x.openedBy(),
                x.openingFloat(), x.cashSales(), x.cashRefunds(), x.paidIn(), x.paidOut(), x.safeDrops(), x.pickups(),
                x.expectedCash(), x.tenders(), x.transactions(), x.currency());
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<DrawerClose> close(String drawerId, UUID sessionId) {
        return jdbc.sql(CLOSED + "AND id = ?").params(drawerId, sessionId).query(this::map).optional()
                .map(this::withPostings);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<DrawerClose> lastClose(String drawerId) {
        return jdbc.sql(CLOSED + "ORDER BY closed_at DESC").param(drawerId).query(this::map).stream().findFirst()
                .map(this::withPostings);
    }

    private DrawerClose map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        String currency = rs.getString(5);
        return new DrawerClose(rs.getString(2), rs.getString(3), rs.getObject(1, UUID.class),
                rs.getObject(4, java.time.LocalDate.class).toString(), currency, rs.getString(6),
                instant(rs.getObject(7, OffsetDateTime.class)), rs.getString(8),
                instant(rs.getObject(9, OffsetDateTime.class)), str(rs.getBigDecimal(10), currency),
                counts(rs.getString(11)), str(rs.getBigDecimal(12), currency), str(rs.getBigDecimal(13), currency),
                str(rs.getBigDecimal(14), currency), rs.getString(15), rs.getString(16), counts(rs.getString(17)),
                Map.of());
    }

    private DrawerClose withPostings(DrawerClose c) {
        Map<String, String> totals = new TreeMap<>();
        jdbc.sql("SELECT type, tender, SUM(amount) FROM drawer_posting WHERE session_id = ? GROUP BY type, tender")
                .param(c.sessionId())
                .query(rs -> {
                    String key = "TENDER".equals(rs.getString(1)) ? "TENDER_" + rs.getString(2) : rs.getString(1);
                    totals.merge(key, str(rs.getBigDecimal(3), c.currency()),
                            (a, b) -> new BigDecimal(a).add(new BigDecimal(b)).toPlainString());
                });
        return new DrawerClose(c.drawerId(), c.registerId(), c.sessionId(), c.businessDate(), c.currency(),
                c.openedBy(), c.openedAt(), c.closedBy(), c.closedAt(), c.openingFloat(), c.floatCounts(),
                c.expectedCash(), c.countedCash(), c.variance(), c.result(), c.approvedBy(), c.countedCounts(), totals);
    }

    /** Face value -> pieces, highest face value first. */
    private Map<String, Integer> counts(String stored) {
        Map<String, Integer> sorted = new TreeMap<>((a, b) -> new BigDecimal(b).compareTo(new BigDecimal(a)));
        if (stored != null && !stored.isBlank()) {
            sorted.putAll(json.readValue(stored, new TypeReference<Map<String, Integer>>() { }));
        }
        return sorted;
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }

    private static String str(BigDecimal amount, String currency) {
        return BusinessDayService.str(amount, currency);
    }
}
