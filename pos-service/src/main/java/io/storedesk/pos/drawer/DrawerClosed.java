package io.storedesk.pos.drawer;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A drawer session was closed with its blind count; published in the close's transaction.
 * Amounts are strings ("12.30"); {@code variance} is counted less expected (negative = short).
 */
public record DrawerClosed(String drawerId, String registerId, String sessionId, LocalDate businessDate,
        String closedBy, String approvedBy, Instant closedAt, String currency, String expectedCash,
        String countedCash, String variance, String result) {
}
