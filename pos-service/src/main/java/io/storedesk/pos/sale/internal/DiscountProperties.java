package io.storedesk.pos.sale.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code pos.discounts.*}: price overrides and manual discounts.
 *
 * @param reasons      the reason codes a clerk may give
 * @param limits       per role ({@code CLERK}, {@code MANAGER}, ...): the largest reduction, in percent, a user of
 *                     that role may give without a manager's approval; a user's limit is the highest of their roles'
 * @param floorPercent the lowest share of a line's catalogue value a line may be sold for after manual changes
 *                     without a manager (the catalogue holds no item cost, so the floor is this share of the price)
 */
@ConfigurationProperties("pos.discounts")
record DiscountProperties(@DefaultValue({"DAMAGED", "PRICE_MATCH", "EMPLOYEE", "MANAGER_GOODWILL"}) List<String> reasons,
        Map<String, Limit> limits, @DefaultValue("50") BigDecimal floorPercent) {

    DiscountProperties {
        limits = limits == null || limits.isEmpty()
                ? Map.of("CLERK", new Limit(BigDecimal.TEN, BigDecimal.TEN),
                        "MANAGER", new Limit(BigDecimal.valueOf(100), BigDecimal.valueOf(100)))
                : Map.copyOf(limits);
    }

    /** Percent limits for a price override or line discount, and for a transaction discount. */
    record Limit(@DefaultValue("0") BigDecimal linePercent, @DefaultValue("0") BigDecimal transactionPercent) {
    }
}
