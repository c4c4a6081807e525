package io.storedesk.pos.cases;

import java.time.Instant;

/** A service case was opened; published in the transaction that opened it. No free text (subject, description). */
public record CaseOpened(String caseNumber, String customerId, String category, String channel, String openedBy,
        Instant openedAt) {
}
