package io.storedesk.pos.cases.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A service case as the API shows it. Times as ISO-8601 durations: {@code responseTime} from
 * opening to the first staff action, {@code resolutionTime} from opening to resolution. Note text
 * is returned exactly as entered (JSON is not HTML; pages escape it when they show it). {@code training} is true on
 * a case opened in training (ADR 0005, a {@code TRN-} number) and left out on a real one.
 */
record CaseView(String caseNumber, String status, String category, String channel, String subject,
        String description, String customerId, String receiptNumber, String openedBy, OffsetDateTime openedAt,
        OffsetDateTime firstResponseAt, String escalatedTo, LocalDate followUpDue, String resolution,
        OffsetDateTime resolvedAt, String resolvedBy, Goodwill goodwill, OffsetDateTime closedAt,
        String responseTime, String resolutionTime,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<Event> history,
        @JsonInclude(JsonInclude.Include.NON_NULL) Boolean training) {

    /** Goodwill given at resolution: a store credit (its code) or a coupon code for a future purchase. */
    record Goodwill(String type, String amount, String code, String approvedBy) {
    }

    /** One entry of the append-only case history. */
    record Event(int seq, String type, OffsetDateTime at, String user, String statusFrom, String statusTo,
            LocalDate due, String text) {
    }

    CaseView withHistory(List<Event> events) {
        return new CaseView(caseNumber, status, category, channel, subject, description, customerId, receiptNumber,
                openedBy, openedAt, firstResponseAt, escalatedTo, followUpDue, resolution, resolvedAt, resolvedBy,
                goodwill, closedAt, responseTime, resolutionTime, events, training);
    }
}
