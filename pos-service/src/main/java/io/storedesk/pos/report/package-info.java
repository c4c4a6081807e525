/**
 * Store reports: the Z report that closes a business day (kept as taken, so a reprint never
 * differs) and the daily and date-range sales reports for managers and head office (JSON, CSV,
 * PDF), read through the sale, returns and drawer modules' APIs. Other modules add sections to
 * those reports through the {@code report.spi} nested module.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Reports")
package io.storedesk.pos.report;
