package io.storedesk.pos.cases;

import java.time.Instant;

/** A service case was resolved; published in the transaction that resolved it. */
public record CaseResolved(String caseNumber, String customerId, String resolvedBy, Instant resolvedAt,
        String resolution) {
}
