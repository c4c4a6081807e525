package io.storedesk.pos.common;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.regex.Pattern;

/** Parses amounts as the API carries them ("12.30") into money, with a 400 naming the field. */
public final class Amounts {

    /** Up to 9 integer digits, optional decimals; a sign is not allowed. */
    public static final String PATTERN = "(0|[1-9][0-9]{0,8})(\\.[0-9]{1,4})?";
    private static final Pattern AMOUNT = Pattern.compile(PATTERN);

    private Amounts() {
    }

    public static Money parse(String value, Currency currency, String field) {
        if (value == null || !AMOUNT.matcher(value).matches()) {
            throw invalid(field, "must be an amount like 12.30, at most 999999999.99");
        }
        BigDecimal amount = new BigDecimal(value);
        if (amount.stripTrailingZeros().scale() > currency.getDefaultFractionDigits()) {
            throw invalid(field, "has more decimals than %s allows".formatted(currency.getCurrencyCode()));
        }
        return Money.of(amount, currency);
    }

    private static ProblemException invalid(String field, String message) {
        return ProblemException.badRequest("invalid-amount", "Invalid amount", "%s %s.".formatted(field, message))
                .with("errors", java.util.List.of(java.util.Map.of("field", field, "message", message)));
    }
}
