package io.storedesk.pos.common;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;

/**
 * Rounds an amount paid in cash to the smallest coin in circulation (e.g. 0.05 EUR in Latvia,
 * 1 CZK in Czechia). Applies only to the cash tender; the difference is booked as its own line.
 * An increment of zero means no rounding.
 */
public record CashRounding(BigDecimal increment) {

    public static final CashRounding NONE = new CashRounding(BigDecimal.ZERO);

    public CashRounding {
        if (increment == null || increment.signum() < 0) {
            throw new IllegalArgumentException("cash rounding increment must be zero or positive");
        }
    }

    /** Nearest multiple of the increment, halves away from zero. */
    public Money round(Money amount) {
        if (increment.signum() == 0) {
            return amount;
        }
        BigDecimal units = amount.amount().divide(increment, 0, RoundingMode.HALF_UP);
        return Money.rounded(units.multiply(increment), amount.currency());
    }

    /** Rounds down to the increment (the most coins can pay without going over {@code amount}). */
    public Money roundDown(Money amount) {
        if (isNone()) {
            return amount;
        }
        java.math.BigDecimal units = amount.amount().divide(increment, 0, java.math.RoundingMode.FLOOR);
        return Money.of(units.multiply(increment), amount.currency());
    }

    public boolean isNone() {
        return increment.signum() == 0;
    }

    public static CashRounding of(String increment, Currency currency) {
        return increment == null || increment.isBlank() ? NONE : new CashRounding(new BigDecimal(increment));
    }
}
