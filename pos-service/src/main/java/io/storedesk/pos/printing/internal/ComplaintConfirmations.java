package io.storedesk.pos.printing.internal;

import java.text.MessageFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.FormatStyle;
import java.time.chrono.IsoChronology;
import java.util.ArrayList;
import java.util.List;

import io.storedesk.pos.cases.ComplaintLetter;
import io.storedesk.pos.cases.Complaints;
import io.storedesk.pos.common.ProblemException;
import io.storedesk.pos.common.StoreProperties;
import io.storedesk.pos.printing.documents.DocumentWords;
import org.springframework.stereotype.Component;

/**
 * The written confirmations of a complaint about goods, in the store's language: RECEIVED (date it
 * was made, the goods and receipt, what is wrong, the remedy asked for, how the customer will be told,
 * the seller and the legal deadline: Czech Act 634/1992 Sb. s. 19(1) and (3)) and SETTLED (the
 * outcome, the reason of a refusal, when and by whom).
 */
@Component
class ComplaintConfirmations {

    /** Which confirmation. */
    enum Kind { RECEIVED, SETTLED }

    private final Complaints complaints;
    private final DocumentWords parts;
    private final StoreProperties store;
    private final DateTimeFormatter date;

    ComplaintConfirmations(Complaints complaints, DocumentWords parts, StoreProperties store) {
        this.complaints = complaints;
        this.parts = parts;
        this.store = store;
        String pattern = DateTimeFormatterBuilder.getLocalizedDateTimePattern(FormatStyle.SHORT, null,
                IsoChronology.INSTANCE, store.locale());
        this.date = DateTimeFormatter.ofPattern(pattern.contains("yyyy") ? pattern : pattern.replace("yy", "yyyy"),
                store.locale());
    }

    /** The confirmation; 404 for an unknown complaint, 409 for the outcome of one not settled yet. */
    Letter of(String number, Kind kind) {
        ComplaintLetter c = complaints.letter(number).orElseThrow(() -> ProblemException.notFound("Complaint", number));
        if (kind == Kind.SETTLED && !c.settled()) {
            throw ProblemException.conflict("complaint-not-settled", "Complaint not settled yet",
                    "Complaint %s has no outcome yet, so there is no confirmation of it.".formatted(number));
        }
        List<Letter.Row> rows = new ArrayList<>();
        row(rows, "complaint.number", c.complaintNumber());
        row(rows, "complaint.case", c.caseNumber());
        row(rows, "complaint.madeOn", parts.dateTime(c.receivedAt()));
        row(rows, "complaint.receivedBy", c.receivedBy());
        if (c.receiptNumber() != null) {
            row(rows, "complaint.receipt", c.receiptNumber());
        }
        row(rows, "complaint.item", c.item());
        row(rows, "complaint.defect", c.defect());
        row(rows, "complaint.remedy", parts.caption("complaint.remedy." + c.remedy()));
        row(rows, "complaint.notifyBy", parts.caption("complaint.notifyBy." + c.notifyBy())
                + (c.contact() == null || c.contact().isBlank() ? "" : " (" + c.contact() + ")"));
        row(rows, "complaint.due", date.format(c.dueDate()));
        List<String> paragraphs = new ArrayList<>();
        if (kind == Kind.RECEIVED) {
            paragraphs.add(MessageFormat.format(parts.caption("complaint.receivedText"), c.settlementDays(),
                    date.format(c.dueDate())));
        } else {
            row(rows, "complaint.outcome", parts.caption("complaint.outcome." + c.outcome()));
            if (c.outcomeNote() != null) {
                row(rows, "REFUSED".equals(c.outcome()) ? "complaint.reason" : "complaint.note", c.outcomeNote());
            }
            row(rows, "complaint.settledOn", parts.dateTime(c.settledAt()));
            row(rows, "complaint.settledBy", c.settledBy());
            paragraphs.add(parts.caption("complaint.settledText"));
        }
        List<String> seller = new ArrayList<>();
        if (c.training()) { // a complaint taken in training (ADR 0005): said first, above the seller, and last
            seller.add(parts.caption("training"));
            paragraphs.add(parts.caption("training"));
        }
        seller.add(parts.caption("complaint.seller") + ": " + store.name());
        seller.addAll(parts.header().addressLines());
        if (!store.vatNumber().isBlank()) {
            seller.add(parts.caption("complaint.vatNumber") + " " + store.vatNumber());
        }
        String title = parts.caption(kind == Kind.RECEIVED ? "complaint.receivedTitle" : "complaint.settledTitle");
        return new Letter(title, number, seller, rows, paragraphs, store.locale());
    }

    private void row(List<Letter.Row> rows, String key, String value) {
        rows.add(new Letter.Row(parts.caption(key), value));
    }

    /** A date as the confirmations print it. */
    String date(LocalDate day) {
        return date.format(day);
    }
}
