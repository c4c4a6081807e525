package io.storedesk.pos.sale.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Currency;
import java.util.Optional;

import io.storedesk.pos.common.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** What an item actually sold for per unit (net paid, after discounts) since a day; voided sales do not count. */
@Component
class SoldPrices {

    private final JdbcClient jdbc;

    SoldPrices(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Money> lowestUnitPaid(String sku, LocalDate since, Currency currency) {
        int scale = currency.getDefaultFractionDigits();
        return jdbc.sql("SELECT l.net, l.quantity FROM sale_line l JOIN sale s ON s.id = l.sale_id "
                        + "WHERE l.sku = ? AND s.business_date >= ? AND s.currency = ? "
                        + "AND NOT EXISTS (SELECT 1 FROM sale_void v WHERE v.receipt_number = s.receipt_number)")
                .params(sku, since, currency.getCurrencyCode())
                .query((rs, n) -> rs.getBigDecimal(1).divide(BigDecimal.valueOf(rs.getInt(2)), scale, RoundingMode.DOWN))
                .list().stream().min(BigDecimal::compareTo).map(unit -> Money.of(unit, currency));
    }
}
