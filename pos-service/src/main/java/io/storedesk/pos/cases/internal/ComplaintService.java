package io.storedesk.pos.cases.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import io.storedesk.pos.cases.ComplaintLetter;
import io.storedesk.pos.cases.ComplaintProperties;
import io.storedesk.pos.cases.ComplaintReceived;
import io.storedesk.pos.cases.ComplaintSettled;
import io.storedesk.pos.cases.Complaints;
import io.storedesk.pos.common.ProblemException;
import io.storedesk.pos.common.StoreProperties;
import io.storedesk.pos.journal.Journal;
import io.storedesk.pos.sale.Sales;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Consumer complaints about goods (Czech Act 634/1992 Sb. s. 19, Civil Code s. 2165-2174): received
 * on a service case with the legal deadline of the store's country, escalated once before it runs out,
 * settled once. Every change locks the service case and then the complaint (lock 5 of
 * docs/locking.md), decides under the locks, appends to the case history and journals it (by number;
 * the customer's words stay out of the journal).
 */
@Service
class ComplaintService implements Complaints {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    private final ComplaintStore complaints;
    private final CaseStore cases;
    private final CaseService caseService;
    private final Sales sales;
    private final Journal journal;
    private final ComplaintProperties properties;
    private final StoreProperties store;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    private final org.springframework.beans.factory.ObjectProvider<TrainingComplaintService> trainingComplaints;

    ComplaintService(ComplaintStore complaints, CaseStore cases, CaseService caseService, Sales sales, Journal journal,
            ComplaintProperties properties, StoreProperties store, Clock clock, ApplicationEventPublisher events,
            org.springframework.beans.factory.ObjectProvider<TrainingComplaintService> trainingComplaints) {
        this.trainingComplaints = trainingComplaints;
        this.complaints = complaints;
        this.cases = cases;
        this.caseService = caseService;
        this.sales = sales;
        this.journal = journal;
        this.properties = properties;
        this.store = store;
        this.clock = clock;
        this.events = events;
    }

    @Transactional
    public ComplaintView receive(ComplaintRequests.Receive r, String user) {
        validate(r);
        String receipt = r.receiptNumber();
        if (receipt != null && sales.find(receipt).isEmpty()) {
            throw ProblemException.rule("unknown-receipt", "Unknown receipt",
                    "There is no sale with receipt number '%s'.".formatted(receipt));
        }
        String caseNumber = r.caseNumber();
        if (caseNumber == null) {
            caseNumber = caseService.open(new CaseRequests.Open(r.customerId(), receipt, CaseRequests.Category.COMPLAINT,
                    CaseRequests.Channel.IN_STORE, subject(r.item()), r.defect()), user).caseNumber();
        }
        String number0 = caseNumber;
        CaseStore.Row kase = cases.find(caseNumber, true) // lock 5: the service case
                .orElseThrow(() -> ProblemException.notFound("Case", number0));
        kase.status().require(CaseStatus.activeOr(), caseNumber, "given a complaint");
        if (receipt == null) {
            receipt = kase.view().receiptNumber();
        }
        String country = properties.countryOf(store.locale());
        int days = properties.daysFor(country);
        OffsetDateTime now = now();
        LocalDate due = now.atZoneSameInstant(store.zone()).toLocalDate().plusDays(days);
        String number = "%s-CMP-%06d".formatted(store.id(), complaints.nextNumber());
        complaints.insert(UUID.randomUUID(), number, kase.id(), country, now, user, receipt, r, days, due);
        cases.append(kase, "COMPLAINT", user, now, null, null, due, "%s: %s (%s), remedy %s".formatted(number, r.item(),
                r.defect(), r.remedy()));
        journal(number, "COMPLAINT_RECEIVED", user, "case", caseNumber, "remedy", r.remedy(), "due", due.toString());
        events.publishEvent(new ComplaintReceived(number, caseNumber, email(r.notifyBy().name(), r.contact()), user,
                now.toInstant()));
        return view(number);
    }

    @Transactional
    public ComplaintView settle(String number, ComplaintRequests.Settle r, String user) {
        ComplaintStore.Row before = complaints.find(number, false)
                .orElseThrow(() -> ProblemException.notFound("Complaint", number));
        CaseStore.Row kase = cases.find(before.caseNumber(), true).orElseThrow(); // lock 5: the case, then
        ComplaintStore.Row row = complaints.find(number, true).orElseThrow();     // its complaint
        if (row.settled()) {
            throw ProblemException.conflict("complaint-already-settled", "Complaint already settled",
                    "Complaint %s was settled (%s) on %s; it cannot be settled again.".formatted(number, row.outcome(),
                            row.settledAt().toLocalDate()))
                    .with("outcome", row.outcome());
        }
        String note = r.note() == null || r.note().isBlank() ? null : r.note().strip();
        if (r.outcome() == ComplaintRequests.Outcome.REFUSED && note == null) {
            throw ProblemException.rule("refusal-reason-required", "Reason for the refusal needed",
                    "A complaint is refused only with the reason the customer is given (note).");
        }
        OffsetDateTime now = now();
        complaints.settle(row.id(), r.outcome().name(), note, now, user);
        cases.append(kase, "COMPLAINT_SETTLED", user, now, null, null, null,
                "%s: %s%s".formatted(number, r.outcome(), note == null ? "" : " - " + note));
        journal(number, "COMPLAINT_SETTLED", user, "case", row.caseNumber(), "outcome", r.outcome().name(),
                "late", Boolean.toString(now.atZoneSameInstant(store.zone()).toLocalDate().isAfter(row.dueDate())));
        events.publishEvent(new ComplaintSettled(number, row.caseNumber(), r.outcome().name(),
                email(row.notifyBy(), row.contact()), user, now.toInstant()));
        return view(number);
    }

    /**
     * Escalates a complaint whose deadline is near, once: the case goes to ESCALATED (when it was open or
     * in progress) and the history and journal say so. False when it was settled or escalated meanwhile.
     */
    @Transactional
    public boolean escalate(String number) {
        ComplaintStore.Row before = complaints.find(number, false).orElseThrow();
        CaseStore.Row kase = cases.find(before.caseNumber(), true).orElseThrow();
        ComplaintStore.Row row = complaints.find(number, true).orElseThrow();
        if (row.settled() || row.escalatedAt() != null) {
            return false;
        }
        OffsetDateTime now = now();
        complaints.escalated(row.id(), now);
        CaseStatus to = kase.status() == CaseStatus.OPEN || kase.status() == CaseStatus.IN_PROGRESS
                ? CaseStatus.ESCALATED : null;
        if (to != null) {
            cases.set(kase.id(), "status = ?", to.name());
        }
        cases.append(kase, "ESCALATED", "system", now, to == null ? null : kase.status(), to, row.dueDate(),
                "Complaint %s must be settled by %s".formatted(number, row.dueDate()));
        journal(number, "COMPLAINT_ESCALATED", "system", "case", row.caseNumber(), "due", row.dueDate().toString());
        return true;
    }

    @Transactional(readOnly = true)
    public ComplaintView view(String number) {
        return complaints.find(number, false).map(this::view)
                .orElseThrow(() -> ProblemException.notFound("Complaint", number));
    }

    ComplaintView view(ComplaintStore.Row row) {
        return row.view(store.today(clock), properties.escalateDaysBefore(), store.zone());
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<ComplaintLetter> letter(String number) {
        return complaints.find(number, false).map(p -> new ComplaintLetter(p.number(), p.caseNumber(),
                p.receivedAt().toInstant(), p.receivedBy(), p.receiptNumber(), p.item(), p.defect(), p.remedy(),
                p.notifyBy(), p.contact(), p.settlementDays(), p.dueDate(), p.outcome(), p.outcomeNote(),
                p.settledAt() == null ? null : p.settledAt().toInstant(), p.settledBy(), false))
                .or(() -> trainingComplaints.getIfAvailable() == null ? Optional.empty()
                        : trainingComplaints.getObject().letter(number));
    }

    void validate(ComplaintRequests.Receive r) {
        if (!properties.remedies().contains(r.remedy())) {
            throw ProblemException.invalidField("remedy", "must be one of " + String.join(", ", properties.remedies()));
        }
        String contact = r.contact() == null ? "" : r.contact().strip();
        if (r.notifyBy() == ComplaintRequests.NotifyBy.EMAIL && !EMAIL.matcher(contact).matches()) {
            throw ProblemException.invalidField("contact", "must be the customer's e-mail address when notifyBy is EMAIL");
        }
        if (r.notifyBy() == ComplaintRequests.NotifyBy.PHONE && contact.isEmpty()) {
            throw ProblemException.invalidField("contact", "must be the customer's telephone number when notifyBy is PHONE");
        }
    }

    private static String email(String notifyBy, String contact) {
        return ComplaintRequests.NotifyBy.EMAIL.name().equals(notifyBy) && contact != null ? contact.strip() : null;
    }

    static String subject(String item) {
        String s = "Complaint: " + item;
        return s.length() > 200 ? s.substring(0, 200) : s;
    }

    private void journal(String number, String type, String user, String... keyValues) {
        CaseService.journal(journal, number, type, user, keyValues);
    }

    private OffsetDateTime now() {
        return CaseService.now(clock);
    }
}
