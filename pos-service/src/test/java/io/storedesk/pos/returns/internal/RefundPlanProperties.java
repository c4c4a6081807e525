package io.storedesk.pos.returns.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Random;

import io.storedesk.pos.common.CashRounding;
import io.storedesk.pos.common.Money;
import io.storedesk.pos.sale.SaleView;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Returning a line in any number of parts refunds exactly its net, and the cash refunds of a
 * cash sale, each rounded to 0.05, add up to what the sale's cash (rounded the same way) took.
 */
class RefundPlanProperties {

    private static final Currency EUR = Currency.getInstance("EUR");
    private static final CashRounding FIVE_CENTS = new CashRounding(new BigDecimal("0.05"));

    @Property
    void returningALineInPartsRefundsItsNetAndTheRoundedCashPaid(@ForAll @IntRange(min = 1, max = 12) int quantity,
            @ForAll @IntRange(min = 1, max = 500_00) int netCents, @ForAll @LongRange long seed) {
        Money net = Money.of(BigDecimal.valueOf(netCents, 2), EUR);
        Random random = new Random(seed);
        int returned = 0;
        Money lineRefunds = Money.zero(EUR);
        Money cashPaid = Money.zero(EUR);
        Money rounding = Money.zero(EUR);
        while (returned < quantity) {
            int count = 1 + random.nextInt(quantity - returned);
            RefundPlan plan = RefundPlan.of(sale(quantity, returned, net),
                    new ReturnRequests.Return("R", "D2", List.of(new ReturnRequests.Line(1, count,
                            ReturnRequests.Reason.OTHER, false)), null, null),
                    Map.of(), new RefundPlan.EarlierCash(cashPaid, rounding), FIVE_CENTS);
            assertThat(plan.cash().isNegative()).isFalse();
            lineRefunds = lineRefunds.plus(plan.lines().get(0).refund());
            cashPaid = cashPaid.plus(plan.cash());
            rounding = rounding.plus(plan.cashRounding());
            returned += count;
        }
        assertThat(lineRefunds).isEqualTo(net);
        assertThat(cashPaid).isEqualTo(FIVE_CENTS.round(net));
    }

    private static SaleView sale(int quantity, int returned, Money net) {
        SaleView.Line line = new SaleView.Line(1, "LV-1001", "Bread", "FOOD", quantity, "1.00", "0.00", net.toString(),
                "0.00", "12", "B", returned);
        SaleView.Tender cash = new SaleView.Tender("CASH", FIVE_CENTS.round(net).toString(), null, null, null, null,
                null, null);
        return new SaleView("R", "COMPLETED", "S001", "R02", "D2", LocalDate.now(), OffsetDateTime.now(), "clerk",
                "EUR", List.of(line), net.toString(), "0.00", "0.00", net.toString(), List.of(), List.of(cash),
                cash.amount(), "0.00", "0.00", 0, List.of(), null, List.of(), null);
    }
}
