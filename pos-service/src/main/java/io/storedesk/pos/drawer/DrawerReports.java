package io.storedesk.pos.drawer;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Read-only drawer figures for printed documents: the X report of an open drawer and the record
 * of a closed drawer session with its counts. Amounts are strings ("12.30").
 */
public interface DrawerReports {

    /** The X report of the drawer's open session; 409 {@code drawer-not-open} when it is not open. */
    XReport xReport(String drawerId);

    /** A closed session of the drawer; empty when there is none or it is still open. */
    Optional<DrawerClose> close(String drawerId, UUID sessionId);

    /** The drawer's most recently closed session, if any. */
    Optional<DrawerClose> lastClose(String drawerId);

    /** What an open drawer should hold now; amounts taken out are positive figures. */
    record XReport(String drawerId, String registerId, UUID sessionId, String businessDate, String openedBy,
            String openingFloat, String cashSales, String cashRefunds, String paidIn, String paidOut,
            String safeDrops, String pickups, String expectedCash, Map<String, String> tenders, long transactions,
            String currency) {
    }

    /**
     * A closed drawer session as it was counted: float and count by denomination (face value ->
     * number of pieces), expected and counted cash, variance and the postings summed by type
     * ({@code TENDER_<type>} for non-cash tenders).
     */
    record DrawerClose(String drawerId, String registerId, UUID sessionId, String businessDate, String currency,
            String openedBy, Instant openedAt, String closedBy, Instant closedAt, String openingFloat,
            Map<String, Integer> floatCounts, String expectedCash, String countedCash, String variance,
            String result, String approvedBy, Map<String, Integer> countedCounts,
            Map<String, String> postingsByType) {
    }
}
