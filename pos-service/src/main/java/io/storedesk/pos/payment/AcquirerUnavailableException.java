package io.storedesk.pos.payment;

import io.storedesk.pos.common.ProblemException;
import org.springframework.http.HttpStatus;

/**
 * The link to the acquirer is down, so nothing was sent and nothing needs reversing. Answered
 * as 503 problem {@code card-acquirer-unavailable}.
 */
public class AcquirerUnavailableException extends ProblemException {

    public AcquirerUnavailableException() {
        super(HttpStatus.SERVICE_UNAVAILABLE, "card-acquirer-unavailable", "Card payments unavailable",
                "The card acquirer cannot be reached; nothing was charged. Take another tender or try again later.");
    }
}
