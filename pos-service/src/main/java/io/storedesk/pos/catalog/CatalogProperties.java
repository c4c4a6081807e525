package io.storedesk.pos.catalog;

import java.math.BigDecimal;
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
}
