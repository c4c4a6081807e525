package io.storedesk.pos.cases;

import java.time.Instant;

/**
 * A complaint was settled (repaired, replaced, refunded, discounted or refused); published in the
 * transaction that recorded it. {@code email} as in {@link ComplaintReceived}.
 */
public record ComplaintSettled(String complaintNumber, String caseNumber, String outcome, String email,
        String settledBy, Instant settledAt) {
}
