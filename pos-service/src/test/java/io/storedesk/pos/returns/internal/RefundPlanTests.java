package io.storedesk.pos.returns.internal;

import java.util.Currency;

import io.storedesk.pos.common.Money;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Per-unit refunds: each unit the net rounded down, the last unit of a line the remainder. */
class RefundPlanTests {

    private static final Currency EUR = Currency.getInstance("EUR");

    private static Money eur(String amount) {
        return Money.of(amount, EUR);
    }

    @Test
    void unitsOfAnUnevenNetAreRoundedDownAndTheLastUnitTakesTheRemainder() {
        Money net = eur("10.00");

        assertThat(RefundPlan.unitsRefund(net, 3, 0, 1)).isEqualTo(eur("3.33"));
        assertThat(RefundPlan.unitsRefund(net, 3, 1, 1)).isEqualTo(eur("3.33"));
        assertThat(RefundPlan.unitsRefund(net, 3, 2, 1)).isEqualTo(eur("3.34"));
        assertThat(RefundPlan.unitsRefund(net, 3, 0, 3)).isEqualTo(net);
        assertThat(RefundPlan.unitsRefund(net, 3, 1, 2)).isEqualTo(eur("6.67"));
    }
}
