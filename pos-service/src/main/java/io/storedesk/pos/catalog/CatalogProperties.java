package io.storedesk.pos.catalog;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Tax categories and where the demo catalogue comes from ({@code pos.catalog.*}).
 *
 * @param taxCategories code -> rate and receipt letter
 * @param seedFile      CSV loaded when the catalogue is empty; blank = none
 */
@ConfigurationProperties("pos.catalog")
public record CatalogProperties(Map<String, Tax> taxCategories, @DefaultValue("") String seedFile) {

    public CatalogProperties {
        taxCategories = taxCategories == null ? Map.of() : Map.copyOf(taxCategories);
    }

    public record Tax(BigDecimal rate, String letter) {
    }

    /** The letter receipts print on tax-exempt lines (issue 24). */
    public static final String EXEMPT_LETTER = "E";

    /**
     * The letter receipts print for a tax rate: that of the category with the rate (the first by
     * letter), for rate 0 without a category of its own the exempt letter, else "".
     */
    public String letterOf(BigDecimal rate) {
        return taxCategories.values().stream()
                .filter(t -> t.rate() != null && t.letter() != null && t.rate().compareTo(rate) == 0)
                .map(Tax::letter)
                .sorted()
                .findFirst()
                .orElse(rate.signum() == 0 ? EXEMPT_LETTER : "");
    }

    /** Tax rates in the order tax tables print them: by letter, rates without a letter last (highest first). */
    public Comparator<BigDecimal> taxTableOrder() {
        return Comparator.comparing((BigDecimal r) -> letterOf(r).isEmpty())
                .thenComparing(this::letterOf)
                .thenComparing(Comparator.reverseOrder());
    }
}
