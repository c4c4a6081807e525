package io.storedesk.pos.payment;

import io.storedesk.pos.common.ProblemException;
import org.springframework.http.HttpStatus;

/**
 * The acquirer declined the card (field 39 other than 00). Answered as 402 problem
 * {@code card-declined} with the {@code responseCode}; nothing needs to be reversed.
 */
public class CardDeclinedException extends ProblemException {

    private final String responseCode;
    private final String reference;

    public CardDeclinedException(String responseCode, String reason, String reference) {
        super(HttpStatus.PAYMENT_REQUIRED, "card-declined", "Card declined",
                "The card was declined: %s (response code %s).".formatted(reason, responseCode));
        this.responseCode = responseCode;
        this.reference = reference;
        with("responseCode", responseCode);
        with("reason", reason);
    }

    public String responseCode() {
        return responseCode;
    }

    /** Our reference of the declined transaction. */
    public String reference() {
        return reference;
    }
}
