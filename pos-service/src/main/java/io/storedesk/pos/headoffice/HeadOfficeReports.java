package io.storedesk.pos.headoffice;

import java.time.LocalDate;
import java.util.Map;

/**
 * The consolidated daily report (head-office role only; no bean in a store), shaped as
 * {@code GET /api/ho/v1/reports/daily} answers it: {@code date, storeId, stores, currencies,
 * byStore}, amounts as strings.
 */
public interface HeadOfficeReports {

    /** @param storeId one store, or null for all */
    Map<String, Object> daily(LocalDate date, String storeId);
}
