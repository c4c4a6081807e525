package io.storedesk.pos.headoffice;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The consolidated reports (head-office role only; no bean in a store), shaped as
 * {@code GET /api/ho/v1/reports/daily} answers it: {@code date, storeId, stores, currencies,
 * byStore}, amounts as strings; the range report and the completeness of each store's days.
 */
public interface HeadOfficeReports {

    /** @param storeId one store, or null for all */
    Map<String, Object> daily(LocalDate date, String storeId);

    /**
     * The days {@code from} to {@code to} (inclusive) summed, shaped as the daily report with
     * {@code from, to} instead of {@code date}.
     *
     * @throws io.storedesk.pos.common.ProblemException (400) when from is after to or the range is too long
     */
    Map<String, Object> range(LocalDate from, LocalDate to, String storeId);

    /**
     * Per store and business day: {@code storeId, businessDate, currency, status} (COMPLETE,
     * WAITING_FOR_Z, INCOMPLETE), {@code zNumber}, {@code expected} (the Z's counters, or null)
     * and {@code received}.
     */
    List<Map<String, Object>> completeness(LocalDate from, LocalDate to, String storeId);
}
