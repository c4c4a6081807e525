package io.storedesk.pos.drawer;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.storedesk.pos.common.Money;

/**
 * Read-only drawer figures over a range of business days (both ends included), for reports:
 * the sessions with their cash movements and count results, and the no-sale opens from the
 * journal. Amounts are money in the session's currency, as stored.
 */
public interface DrawerActivity {

    /** Every drawer session of those business days, open or closed, in order of opening. */
    List<SessionSummary> sessions(LocalDate from, LocalDate to);

    /** Every no-sale open of those business days' sessions, oldest first. */
    List<NoSaleOpen> noSales(LocalDate from, LocalDate to);

    /**
     * @param status    OPEN or CLOSED; {@code variance} and {@code result} are null while open
     * @param movements PAID_IN, PAID_OUT, SAFE_DROP, PICKUP -> amount moved (positive figures)
     */
    record SessionSummary(String drawerId, String sessionId, LocalDate businessDate, String openedBy,
            String closedBy, String status, Money variance, String result, Map<String, Money> movements) {
    }

    record NoSaleOpen(String drawerId, String sessionId, LocalDate businessDate, String user, String reason,
            Instant at) {
    }
}
