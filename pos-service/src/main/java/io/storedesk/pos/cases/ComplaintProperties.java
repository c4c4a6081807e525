package io.storedesk.pos.cases;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Consumer complaints about goods ({@code pos.complaints.*}).
 *
 * @param settlementDays     days a complaint must be settled in, by country (ISO 3166 code, e.g. {@code CZ: 30},
 *                           {@code LV: 30}); counted from the day after the complaint was made
 * @param defaultDays        the term for a country not listed
 * @param country            the store's country; blank = the country of {@code pos.store.locale}, or the
 *                           country of its language (cs: CZ, lv: LV)
 * @param escalateDaysBefore a complaint not settled this many days before its deadline is escalated (once)
 * @param escalationInterval how often the escalation job looks
 * @param remedies           the remedies a customer can ask for
 */
@ConfigurationProperties("pos.complaints")
public record ComplaintProperties(Map<String, Integer> settlementDays, @DefaultValue("30") int defaultDays,
        @DefaultValue("") String country, @DefaultValue("5") int escalateDaysBefore,
        @DefaultValue("15m") Duration escalationInterval,
        @DefaultValue({"REPAIR", "REPLACEMENT", "DISCOUNT", "REFUND"}) List<String> remedies) {

    private static final Map<String, String> COUNTRY_OF_LANGUAGE = Map.of("cs", "CZ", "lv", "LV", "ru", "LV");

    public ComplaintProperties {
        settlementDays = settlementDays == null ? Map.of() : Map.copyOf(settlementDays);
        remedies = List.copyOf(remedies);
    }

    /** The store's country for the complaint rules. */
    public String countryOf(Locale storeLocale) {
        if (!country.isBlank()) {
            return country.toUpperCase(Locale.ROOT);
        }
        if (!storeLocale.getCountry().isBlank()) {
            return storeLocale.getCountry();
        }
        return COUNTRY_OF_LANGUAGE.getOrDefault(storeLocale.getLanguage(), "");
    }

    /** The settlement term of a country. */
    public int daysFor(String country) {
        return settlementDays.getOrDefault(country, defaultDays);
    }
}
