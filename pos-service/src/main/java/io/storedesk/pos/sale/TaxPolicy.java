package io.storedesk.pos.sale;

import java.math.BigDecimal;
import java.math.RoundingMode;

import io.storedesk.pos.common.Money;

/**
 * How a line's tax follows from its amount. Tax-inclusive (EU default):
 * {@code tax = paid * rate / (100 + rate)}; tax-exclusive: {@code tax = amount * rate / 100}
 * on top. Rounded HALF_UP to minor units, per line.
 */
public record TaxPolicy(boolean pricesIncludeTax) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** What the customer pays for a line whose (discounted) price amount is {@code amount}. */
    public Money paid(Money amount, BigDecimal rate) {
        return pricesIncludeTax ? amount : amount.plus(tax(amount, rate, false));
    }

    /** The tax contained in (inclusive) or added to (exclusive) a line amount. */
    public Money taxOf(Money amount, BigDecimal rate) {
        return tax(amount, rate, pricesIncludeTax);
    }

    private static Money tax(Money amount, BigDecimal rate, boolean inclusive) {
        BigDecimal divisor = inclusive ? HUNDRED.add(rate) : HUNDRED;
        BigDecimal tax = amount.amount().multiply(rate).divide(divisor, 10, RoundingMode.HALF_UP);
        return Money.rounded(tax, amount.currency());
    }
}
