package io.storedesk.receipt;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A promotion applied to the basket as a whole, printed below the item lines.
 *
 * @param description what the customer sees, e.g. "3 for 2 on yoghurt"
 * @param amount the benefit, printed as given (usually negative)
 */
public record Promotion(String description, BigDecimal amount) {

    public Promotion {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(amount, "amount");
    }
}
