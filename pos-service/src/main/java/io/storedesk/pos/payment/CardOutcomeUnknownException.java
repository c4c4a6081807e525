package io.storedesk.pos.payment;

import io.storedesk.pos.common.ProblemException;
import org.springframework.http.HttpStatus;

/**
 * The acquirer gave no usable answer (timeout, broken link, malformed reply): the card may or
 * may not have been charged. A reversal is already in the store-and-forward queue; the sale
 * must not be completed. Answered as 502 problem {@code card-outcome-unknown}.
 */
public class CardOutcomeUnknownException extends ProblemException {

    private final String reference;

    public CardOutcomeUnknownException(String reference, String cause) {
        super(HttpStatus.BAD_GATEWAY, "card-outcome-unknown", "Card payment outcome unknown",
                "The card acquirer did not answer (%s). The payment is being reversed; the customer is not charged. "
                        .formatted(cause) + "Try again or take another tender.");
        this.reference = reference;
        with("reference", reference);
    }

    /** Our reference of the transaction being reversed. */
    public String reference() {
        return reference;
    }
}
