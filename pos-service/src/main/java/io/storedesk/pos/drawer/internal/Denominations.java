package io.storedesk.pos.drawer.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import io.storedesk.pos.common.Money;
import io.storedesk.pos.common.ProblemException;
import io.storedesk.pos.drawer.DrawerInfo;
import io.storedesk.pos.drawer.DrawerProperties;
import org.springframework.stereotype.Component;

/** Totals a count of notes and coins, refusing denominations the drawer's currency does not have. */
@Component
class Denominations {

    private final DrawerProperties properties;

    Denominations(DrawerProperties properties) {
        this.properties = properties;
    }

    Money total(DrawerInfo drawer, Map<String, Integer> counts) {
        List<BigDecimal> allowed = properties.denominations().getOrDefault(drawer.currency().getCurrencyCode(), List.of());
        Money total = Money.zero(drawer.currency());
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            BigDecimal denomination;
            try {
                denomination = new BigDecimal(e.getKey());
            } catch (NumberFormatException ex) {
                throw invalid(e.getKey(), drawer, allowed);
            }
            if (allowed.stream().noneMatch(a -> a.compareTo(denomination) == 0)) {
                throw invalid(e.getKey(), drawer, allowed);
            }
            if (e.getValue() == null || e.getValue() < 0 || e.getValue() > 100_000) {
                throw ProblemException.badRequest("invalid-count", "Invalid count",
                        "The count for %s must be a whole number from 0 to 100000.".formatted(e.getKey()));
            }
            total = total.plus(Money.rounded(denomination, drawer.currency()).times(e.getValue()));
        }
        return total;
    }

    private static ProblemException invalid(String key, DrawerInfo drawer, List<BigDecimal> allowed) {
        return ProblemException.badRequest("invalid-denomination", "Invalid denomination",
                "'%s' is not a %s note or coin; use one of %s.".formatted(key, drawer.currency().getCurrencyCode(),
                        allowed.stream().map(BigDecimal::toPlainString).toList()));
    }
}
