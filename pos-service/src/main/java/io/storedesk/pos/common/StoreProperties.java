package io.storedesk.pos.common;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Currency;
import java.util.Locale;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * This store: who it is, its currency, locale and time zone ({@code pos.store.*}).
 *
 * @param cashRounding cash rounding increment per currency code, e.g. {@code EUR: 0.05}; absent = none
 */
@ConfigurationProperties("pos.store")
public record StoreProperties(
        @DefaultValue("S001") String id,
        @DefaultValue("Store") String name,
        @DefaultValue("") String address,
        @DefaultValue("") String vatNumber,
        @DefaultValue("EUR") Currency currency,
        @DefaultValue("en") Locale locale,
        @DefaultValue("UTC") ZoneId zone,
        @DefaultValue("true") boolean pricesIncludeTax,
        Map<String, String> cashRounding) {

    public StoreProperties {
        cashRounding = cashRounding == null ? Map.of() : Map.copyOf(cashRounding);
    }

    public CashRounding cashRoundingPolicy() {
        return CashRounding.of(cashRounding.get(currency.getCurrencyCode()), currency);
    }

    public LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(zone));
    }

    /**
     * When the store day {@code day} begins, in the store's time zone: the store days {@code from..to} are the
     * instants from {@code startOf(from)} up to, not including, {@code startOf(to.plusDays(1))}.
     */
    public OffsetDateTime startOf(LocalDate day) {
        return day.atStartOfDay(zone).toOffsetDateTime();
    }
}
