package io.storedesk.pos.cases;

import java.time.Instant;

/**
 * A complaint about goods was received; published in the transaction that recorded it. {@code email}
 * is the customer's address when they asked to be told by e-mail, else {@code null}.
 */
public record ComplaintReceived(String complaintNumber, String caseNumber, String email, String receivedBy,
        Instant receivedAt) {
}
