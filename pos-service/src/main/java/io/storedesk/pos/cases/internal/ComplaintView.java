package io.storedesk.pos.cases.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A complaint as the API shows it, with its clock: {@code daysLeft} to the legal deadline
 * ({@code dueDate}, the last day to settle; negative when overdue, null once settled) and
 * {@code clock}: ON_TIME, ESCALATE (within {@code pos.complaints.escalate-days-before}), DUE_TODAY,
 * OVERDUE, SETTLED or SETTLED_LATE. {@code settlementTime} is ISO-8601 from receipt to settlement.
 */
record ComplaintView(String complaintNumber, String caseNumber, String status, String country,
        OffsetDateTime receivedAt, String receivedBy, String receiptNumber, String item, String defect, String remedy,
        String notifyBy, String contact, int settlementDays, LocalDate dueDate, Integer daysLeft, String clock,
        OffsetDateTime escalatedAt, String outcome, String outcomeNote, OffsetDateTime settledAt, String settledBy,
        String settlementTime) {
}
