package io.storedesk.pos.headoffice;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Head office's item master and price lists for the head-office pages (issue 26; the API is
 * {@code /api/ho/v1/items}, {@code /api/ho/v1/price-lists}). Values are the API's JSON as maps.
 * Bad input is a {@link io.storedesk.pos.common.ProblemException}, as in the API.
 */
public interface HeadOfficeCatalog {

    List<Map<String, Object>> findItems(String query, int limit);

    Optional<Map<String, Object>> item(String sku);

    /** The item's prices in every list: store group, currency, effective from, price, version, source, by whom. */
    List<Map<String, Object>> priceHistory(String sku);

    /** A price list of one line: {@code sku} at {@code price} for the group and currency from {@code effectiveFrom}. */
    Map<String, Object> schedulePrice(String sku, String storeGroup, String currency, String effectiveFrom, String price,
            String cost);

    /** Sets (blank: removes) the item's short label for quick keys; 422 {@code short-name-too-long} above 18 characters. */
    Map<String, Object> setShortName(String sku, String shortName);

    /** A price list from CSV: {@code version, accepted, rejected: [{line, sku, reason, message}]}. */
    Map<String, Object> importPriceList(String storeGroup, String currency, String effectiveFrom, String csv);
}
