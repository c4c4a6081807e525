package io.storedesk.pos.drawer;

import java.time.LocalDate;

/**
 * The business day was closed (its Z is being taken), published inside the closing transaction
 * while the day lock is held exclusively: a listener's changes commit or roll back with the close.
 */
public record BusinessDayClosed(LocalDate businessDate, String closedBy) {
}
