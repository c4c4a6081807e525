/**
 * Store reports: the Z report that closes a business day (kept as taken, so a reprint never
 * differs) and, later, daily and period reports for managers and head office.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Reports")
package io.storedesk.pos.report;
