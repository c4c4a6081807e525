package io.storedesk.pos.stock;

import java.time.LocalDate;
import java.util.Map;

/**
 * The store's stock report for the pages, shaped as {@code GET /api/v1/reports/stock} answers it:
 * {@code storeId, from, to, onHand: [{sku, name, onHand}], movementsByReason: {SALE: {movements,
 * quantity}}, adjustmentsByReason: {DAMAGED: quantity}, shrinkage: {quantity, bySku: [{sku, quantity}]}}.
 */
public interface StockReports {

    /**
     * @param from first day (store's zone), null = today
     * @param to   last day, null = today
     * @throws io.storedesk.pos.common.ProblemException (400 {@code invalid-range}) when from is after to or the
     *                                                  range is too long
     */
    Map<String, Object> report(LocalDate from, LocalDate to);
}
