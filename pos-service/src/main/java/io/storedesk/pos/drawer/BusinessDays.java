package io.storedesk.pos.drawer;

import java.time.LocalDate;
import java.util.List;

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

    /** A closed drawer session as the Z report shows it. Amounts are strings. */
    record ClosedSession(String drawerId, String sessionId, String openedBy, String closedBy, String openingFloat,
            String expectedCash, String countedCash, String variance, String result, String approvedBy,
            java.util.Map<String, String> postingsByType) {
    }
}
