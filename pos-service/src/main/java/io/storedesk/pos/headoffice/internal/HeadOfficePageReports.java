package io.storedesk.pos.headoffice.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.storedesk.pos.common.StoreProperties;
import io.storedesk.pos.headoffice.HeadOfficeStockReports;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The stock and gift-card reports of the API, for the head-office pages (read only). */
@Component
@Profile("head-office")
class HeadOfficePageReports implements HeadOfficeStockReports {

    private final StockBook stock;
    private final GiftCardBook giftCards;
    private final JdbcTemplate jdbc;
    private final StoreProperties zone;
    private final Clock clock;

    HeadOfficePageReports(StockBook stock, GiftCardBook giftCards, JdbcTemplate jdbc, StoreProperties zone, Clock clock) {
        this.stock = stock;
        this.giftCards = giftCards;
        this.jdbc = jdbc;
        this.zone = zone;
        this.clock = clock;
    }

    @Override
    public List<String> stockStores() {
        return jdbc.queryForList("SELECT DISTINCT store_id FROM ho_stock ORDER BY store_id", String.class);
    }

    @Override
    public List<Map<String, Object>> stockOf(String sku) {
        return stock.stores(sku);
    }

    @Override
    public Map<String, Object> stockReport(String storeId, LocalDate from, LocalDate to) {
        return stock.report(storeId, from, to, zone.zone());
    }

    @Override
    public Map<String, Object> giftCardReport(LocalDate from, LocalDate to) {
        return giftCards.report(from, to, zone.zone(), clock.instant());
    }
}
