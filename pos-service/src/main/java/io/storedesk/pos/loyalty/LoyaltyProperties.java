package io.storedesk.pos.loyalty;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The loyalty programme at this store ({@code pos.loyalty.*}).
 *
 * @param pointsPerUnit       points earned per currency unit (1.00) of net paid in money
 * @param pointValue          what one point pays when redeemed as the LOYALTY_POINTS tender
 * @param excludedDepartments departments whose lines earn no points
 * @param tiers               tier name -> multiplier of the points earned; a card without a tier, or with a
 *                            tier not listed, earns at 1
 * @param expiryMonths        points expire this many months after the sale that earned them
 * @param expiryCron          when the expiry job runs (store time zone)
 * @param seedFile            demo accounts loaded into an empty store (CSV); empty = none
 */
@ConfigurationProperties("pos.loyalty")
public record LoyaltyProperties(
        @DefaultValue("1") BigDecimal pointsPerUnit,
        @DefaultValue("0.01") BigDecimal pointValue,
        List<String> excludedDepartments,
        Map<String, BigDecimal> tiers,
        @DefaultValue("24") int expiryMonths,
        @DefaultValue("0 15 3 * * *") String expiryCron,
        @DefaultValue("") String seedFile) {

    public LoyaltyProperties {
        excludedDepartments = excludedDepartments == null ? List.of()
                : excludedDepartments.stream().map(d -> d.strip().toUpperCase(Locale.ROOT)).toList();
        tiers = tiers == null ? Map.of() : Map.copyOf(tiers);
        if (pointsPerUnit.signum() < 0 || pointValue.signum() <= 0 || expiryMonths < 1) {
            throw new IllegalArgumentException(
                    "pos.loyalty: points-per-unit must be >= 0, point-value > 0 and expiry-months >= 1");
        }
    }

    public boolean earnsPoints(String department) {
        return department == null || !excludedDepartments.contains(department.toUpperCase(Locale.ROOT));
    }

    public BigDecimal multiplier(String tier) {
        return tier == null ? BigDecimal.ONE : tiers.getOrDefault(tier, BigDecimal.ONE);
    }
}
