package io.storedesk.pos.loyalty.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import io.storedesk.pos.loyalty.LoyaltyProperties;
import io.storedesk.pos.sale.SaleView;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import static org.assertj.core.api.Assertions.assertThat;

/** The points arithmetic: earning and taking back over any sequence of partial returns. */
class PointsRulesProperties {

    private final PointsRules rules = new PointsRules(new LoyaltyProperties(BigDecimal.ONE, new BigDecimal("0.01"),
            List.of("pharmacy"), Map.of("GOLD", new BigDecimal("1.5")), 24, "0 15 3 * * *", ""));

    @Property
    void returnsInAnyPiecesTakeBackExactlyWhatWasEarnedAndNeverMore(
            @ForAll @IntRange(min = 1, max = 100_000) int earned,
            @ForAll @Size(min = 1, max = 12) List<@IntRange(min = 1, max = 50_000) Integer> pieces) {
        BigDecimal net = pieces.stream().map(p -> BigDecimal.valueOf(p, 2)).reduce(BigDecimal.ZERO, BigDecimal::add);
        long reversed = 0;
        BigDecimal refunded = BigDecimal.ZERO;
        for (Integer p : pieces) {
            BigDecimal now = BigDecimal.valueOf(p, 2);
            long back = PointsRules.reversal(earned, net, reversed, refunded, now);
            assertThat(back).isNotNegative();
            reversed += back;
            refunded = refunded.add(now);
            assertThat(reversed).isLessThanOrEqualTo(earned);
        }
        assertThat(reversed).isEqualTo(earned);
    }

    @Property
    void pointsPaidWithPointsEarnNothingAndMoreMoneyNeverEarnsLess(
            @ForAll("cents") BigDecimal total, @ForAll @IntRange(min = 0, max = 100) int percentByPoints) {
        BigDecimal byPoints = total.multiply(BigDecimal.valueOf(percentByPoints)).movePointLeft(2)
                .setScale(2, java.math.RoundingMode.DOWN);
        long earned = rules.earned(total, total, byPoints, null);
        assertThat(earned).isLessThanOrEqualTo(total.subtract(byPoints).longValue());
        assertThat(earned).isGreaterThanOrEqualTo(total.subtract(byPoints).longValue() - 1);
        assertThat(rules.earned(total, total, total, null)).isZero();
        assertThat(rules.earned(total, total, BigDecimal.ZERO, null)).isGreaterThanOrEqualTo(earned);
    }

    @Example
    void excludedDepartmentsAndTiers() {
        List<SaleView.Line> lines = List.of(line("DRINKS", "17.99"), line("PHARMACY", "6.99"), line(null, "1.01"));

        assertThat(rules.eligibleNet(lines)).isEqualByComparingTo("19.00");
        assertThat(rules.earned(new BigDecimal("19.00"), new BigDecimal("25.99"), BigDecimal.ZERO, "GOLD")).isEqualTo(28);
        assertThat(rules.earned(new BigDecimal("19.00"), new BigDecimal("25.99"), BigDecimal.ZERO, "UNKNOWN")).isEqualTo(19);
        // 10.00 of 25.99 paid with points: 19.00 x 15.99 / 25.99 = 11.69 -> 11
        assertThat(rules.earned(new BigDecimal("19.00"), new BigDecimal("25.99"), new BigDecimal("10.00"), null))
                .isEqualTo(11);
    }

    @Provide
    Arbitrary<BigDecimal> cents() {
        return Arbitraries.longs().between(1, 10_000_000).map(c -> BigDecimal.valueOf(c, 2));
    }

    private static SaleView.Line line(String department, String net) {
        return new SaleView.Line(1, "X", "x", department, 1, net, "0.00", net, "0.00", "21", "A", 0);
    }
}
