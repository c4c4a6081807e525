package io.storedesk.pos.drawer.internal;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import io.storedesk.pos.common.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The X report: what an open drawer should hold right now, worked out from its postings (the
 * running total on the session is only a shortcut and must agree with them).
 */
@Service
class XReports {

    private final DrawerSessionRepository sessions;
    private final JdbcClient jdbc;

    XReports(DrawerSessionRepository sessions, JdbcClient jdbc) {
        this.sessions = sessions;
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public XReport of(String drawerId) {
        DrawerSession s = sessions.findOpen(drawerId).orElseThrow(() -> DrawerService.notOpen(drawerId));
        Currency currency = Currency.getInstance(s.currency());
        Map<String, BigDecimal> byType = new TreeMap<>();
        Map<String, BigDecimal> tenders = new TreeMap<>();
        jdbc.sql("SELECT type, tender, SUM(amount) FROM drawer_posting WHERE session_id = ? GROUP BY type, tender")
                .param(s.id())
                .query(rs -> {
                    byType.merge(rs.getString(1), rs.getBigDecimal(3), BigDecimal::add);
                    String type = rs.getString(1);
                    if ("SALE".equals(type) || "REFUND".equals(type) || "TENDER".equals(type)) {
                        tenders.merge(rs.getString(2), rs.getBigDecimal(3), BigDecimal::add);
                    }
                });
        long transactions = jdbc.sql("SELECT COUNT(DISTINCT reference) FROM drawer_posting WHERE session_id = ? "
                + "AND type IN ('SALE', 'REFUND', 'TENDER', 'DEPOSIT', 'DEPOSIT_REFUND')").param(s.id()).query(Long.class).single();
        BigDecimal cash = byType.entrySet().stream().filter(e -> !"TENDER".equals(e.getKey()))
                .map(Map.Entry::getValue).reduce(BigDecimal.ZERO, BigDecimal::add);
        Money expected = Money.rounded(s.openingFloat().add(cash), currency);
        Map<String, String> tenderTotals = new TreeMap<>();
        tenders.forEach((k, v) -> tenderTotals.put(k, Money.rounded(v, currency).toString()));
        return new XReport(drawerId, s.registerId(), s.id(), s.businessDate().toString(), s.openedBy(),
                Money.rounded(s.openingFloat(), currency).toString(), amount(byType, "SALE", currency, false),
                amount(byType, "REFUND", currency, true), amount(byType, "PAID_IN", currency, false),
                amount(byType, "PAID_OUT", currency, true), amount(byType, "SAFE_DROP", currency, true),
                amount(byType, "PICKUP", currency, true), expected.toString(), tenderTotals, transactions,
                s.currency(), amount(byType, "DEPOSIT", currency, false),
                amount(byType, "DEPOSIT_REFUND", currency, true));
    }

    private static String amount(Map<String, BigDecimal> byType, String type, Currency currency, boolean outgoing) {
        BigDecimal v = byType.getOrDefault(type, BigDecimal.ZERO);
        return Money.rounded(outgoing ? v.negate() : v, currency).toString();
    }

    /**
     * Amounts out of the drawer (refunds, paid-out, drops, pick-ups, deposit refunds) are shown as
     * positive figures. {@code deposits} is the cash taken as customer-order deposits (not sales:
     * the goods are sold at pickup, where the deposit pays as the DEPOSIT tender).
     */
    record XReport(String drawerId, String registerId, UUID sessionId, String businessDate, String openedBy,
            String openingFloat, String cashSales, String cashRefunds, String paidIn, String paidOut, String safeDrops,
            String pickups, String expectedCash, Map<String, String> tenders, long transactions, String currency,
            String deposits, String depositRefunds) {
    }
}
