package io.storedesk.pos.drawer;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Drawers and cash policies ({@code pos.drawer.*}).
 *
 * @param drawers           drawer id -> the register it sits in
 * @param denominations     currency code -> notes and coins in circulation, e.g. {@code EUR: [500.00, ..., 0.01]}
 * @param varianceTolerance a count within this of the expected cash closes without approval
 */
@ConfigurationProperties("pos.drawer")
public record DrawerProperties(
        Map<String, Drawer> drawers,
        Map<String, List<BigDecimal>> denominations,
        @DefaultValue("5.00") BigDecimal varianceTolerance) {

    public DrawerProperties {
        drawers = drawers == null ? Map.of() : Map.copyOf(drawers);
        denominations = denominations == null ? Map.of() : Map.copyOf(denominations);
    }

    public record Drawer(String register) {
    }
}
