package io.storedesk.pos.drawer;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.storedesk.pos.common.Money;

/** The store's business days: open until a manager closes them with the Z report. */
public interface BusinessDays {

    /**
     * Closes a business day in the caller's transaction: every drawer session of that day must
     * be closed (409 {@code drawers-still-open} naming them otherwise), and the day must not be
     * closed already (409 {@code business-day-closed}).
     *
     * @return the day's drawer sessions, for the Z report
     */
    List<ClosedSession> close(LocalDate date, String user);

    boolean isClosed(LocalDate date);

    /**
     * A closed drawer session for the Z report, amounts in the session's currency as they were stored.
     *
     * @param variance       counted less expected cash (negative: short)
     * @param approvedBy     the manager who approved the count when one had to, else null
     * @param postingsByType posting type (TENDER_CASH, PAID_IN ...) -> what was posted to the drawer
     */
    record ClosedSession(String drawerId, String sessionId, String openedBy, String closedBy, Money openingFloat,
            Money expectedCash, Money countedCash, Money variance, String result, String approvedBy,
            Map<String, Money> postingsByType) {
    }
}
