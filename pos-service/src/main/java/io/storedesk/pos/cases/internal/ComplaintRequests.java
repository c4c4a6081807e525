package io.storedesk.pos.cases.internal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Request bodies of the complaint API, validated before anything else happens. */
final class ComplaintRequests {

    private ComplaintRequests() {
    }

    /** How the customer is told the outcome. */
    enum NotifyBy { EMAIL, PHONE, IN_STORE }

    /** How a complaint was settled; a refusal needs its reason. */
    enum Outcome { REPAIRED, REPLACED, REFUNDED, DISCOUNTED, REFUSED }

    /**
     * A complaint about goods: on an existing case ({@code caseNumber}) or on a new complaint case
     * opened with it. {@code remedy} is one of {@code pos.complaints.remedies}; {@code contact} is the
     * e-mail address (EMAIL) or telephone number (PHONE) the customer is told by.
     */
    record Receive(@Size(max = 100) String caseNumber, @Size(max = 40) String customerId,
            @Size(max = 40) String receiptNumber, @NotBlank @Size(max = 200) String item,
            @NotBlank @Size(max = 4000) String defect, @NotBlank @Size(max = 20) String remedy,
            @NotNull NotifyBy notifyBy, @Size(max = 254) String contact) {
    }

    record Settle(@NotNull Outcome outcome, @Size(max = 2000) String note) {
    }
}
