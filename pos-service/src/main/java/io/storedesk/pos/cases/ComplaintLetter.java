package io.storedesk.pos.cases;

import java.time.Instant;
import java.time.LocalDate;

/**
 * What the written confirmations of a complaint say (intake and outcome), for the printing module.
 * Codes ({@code remedy}, {@code notifyBy}, {@code outcome}) are printed in the store's language there.
 * {@code training}: a complaint taken in training (ADR 0005), printed as "TRAINING - NOT A RECEIPT".
 */
public record ComplaintLetter(String complaintNumber, String caseNumber, Instant receivedAt, String receivedBy,
        String receiptNumber, String item, String defect, String remedy, String notifyBy, String contact,
        int settlementDays, LocalDate dueDate, String outcome, String outcomeNote, Instant settledAt,
        String settledBy, boolean training) {

    public boolean settled() {
        return outcome != null;
    }
}
