package io.storedesk.pos.headoffice;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Head office's stock and gift-card figures for the head-office pages (issue 26; head-office role only,
 * no bean in a store), shaped as the API answers them: {@code GET /api/ho/v1/stock/{sku}},
 * {@code GET /api/ho/v1/reports/stock} and {@code GET /api/ho/v1/reports/gift-cards}. Bad input is a
 * {@link io.storedesk.pos.common.ProblemException}, as in the API.
 */
public interface HeadOfficeStockReports {

    /** The ids of the stores that have sent stock, sorted. */
    List<String> stockStores();

    /** Every store's on hand of one SKU: {@code [{storeId, onHand, asOf}]} by store id. */
    List<Map<String, Object>> stockOf(String sku);

    /** One store's stock report over the days {@code from} to {@code to} in head office's zone. */
    Map<String, Object> stockReport(String storeId, LocalDate from, LocalDate to);

    /** The gift-card report over the days {@code from} to {@code to}: per currency, overdrawn cards masked. */
    Map<String, Object> giftCardReport(LocalDate from, LocalDate to);
}
