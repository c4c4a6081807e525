package io.storedesk.pos.cases.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import io.storedesk.pos.cases.ComplaintLetter;
import io.storedesk.pos.cases.ComplaintProperties;
import io.storedesk.pos.common.ProblemException;
import io.storedesk.pos.common.StoreProperties;
import io.storedesk.pos.sale.Sales;
import io.storedesk.pos.sale.TrainingDesk;
import io.storedesk.pos.sale.TrainingDesk.TrainingCase;
import io.storedesk.pos.sale.TrainingTill;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Complaints taken in training (ADR 0005, issue 24): on a training case (opened with the complaint when none is named),
 * with the real complaints' rules (remedy of {@code pos.complaints.remedies}, contact for the way the customer is
 * told, receipt known, case active, the legal deadline of the store's country, settled once, a refusal with its
 * reason), numbered {@code TRN-<store>-CMP-<seq>} and kept by the training desk as a {@code COMPLAINT} next to its
 * case. Lock order as for real ones: the case's row, then the complaint's. Nothing is journaled, published or
 * e-mailed; the confirmations print "TRAINING - NOT A RECEIPT" ({@link ComplaintLetter#training()}).
 */
@Service
class TrainingComplaintService {

    private final ObjectProvider<TrainingDesk> desk;
    private final ObjectProvider<TrainingTill> till;
    private final TrainingCaseService trainingCases;
    private final ComplaintService realComplaints;
    private final Sales sales;
    private final ComplaintProperties properties;
    private final StoreProperties store;
    private final Clock clock;
    private final JsonMapper json;

    TrainingComplaintService(ObjectProvider<TrainingDesk> desk, ObjectProvider<TrainingTill> till,
            TrainingCaseService trainingCases, ComplaintService realComplaints, Sales sales,
            ComplaintProperties properties, StoreProperties store, Clock clock, JsonMapper json) {
        this.desk = desk;
        this.till = till;
        this.trainingCases = trainingCases;
        this.realComplaints = realComplaints;
        this.sales = sales;
        this.properties = properties;
        this.store = store;
        this.clock = clock;
        this.json = json.rebuild().disable(DateTimeFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE).build();
    }

    @Transactional
    public ComplaintView receive(ComplaintRequests.Receive r, String user, String registerId) {
        realComplaints.validate(r);
        String receipt = r.receiptNumber();
        if (receipt != null && sales.find(receipt).isEmpty() && till.getObject().find(receipt).isEmpty()) {
            throw ProblemException.rule("unknown-receipt", "Unknown receipt",
                    "There is no sale with receipt number '%s'.".formatted(receipt));
        }
        String caseNumber = r.caseNumber();
        if (caseNumber == null) {
            caseNumber = trainingCases.open(new CaseRequests.Open(r.customerId(), receipt,
                    CaseRequests.Category.COMPLAINT, CaseRequests.Channel.IN_STORE, ComplaintService.subject(r.item()),
                    r.defect()), user, registerId).caseNumber();
        }
        String country = properties.countryOf(store.locale());
        int days = properties.daysFor(country);
        OffsetDateTime now = CaseService.now(clock);
        LocalDate due = now.atZoneSameInstant(store.zone()).toLocalDate().plusDays(days);
        String number0 = caseNumber;
        String[] number = new String[1];
        // lock order: the training case, then (numbered under it) the complaint
        trainingCases.complaintEvent(caseNumber, "COMPLAINT", user, kase -> {
            CaseStatus.valueOf(kase.status()).require(CaseStatus.activeOr(), number0, "given a complaint");
            String receiptNumber = receipt != null ? receipt : kase.receiptNumber();
            number[0] = desk.getObject().open(TrainingTill.PREFIX + store.id() + "-CMP-", TrainingDesk.COMPLAINT,
                    kase.customerId(), user, "OPEN", n -> write(new ComplaintStore.Row(null, null, n, number0, "OPEN",
                            country, now, user, receiptNumber, r.item(), r.defect(), r.remedy(), r.notifyBy().name(),
                            r.contact(), days, due, null, null, null, null, null))).caseNumber();
            return new TrainingCaseService.Entry(due, "%s: %s (%s), remedy %s".formatted(number[0], r.item(),
                    r.defect(), r.remedy()));
        });
        return view(number[0]);
    }

    @Transactional
    public ComplaintView settle(String number, ComplaintRequests.Settle r, String user) {
        ComplaintStore.Row before = row(number);
        String note = r.note() == null || r.note().isBlank() ? null : r.note().strip();
        OffsetDateTime now = CaseService.now(clock);
        trainingCases.complaintEvent(before.caseNumber(), "COMPLAINT_SETTLED", user, kase -> {
            desk.getObject().change(number, kept -> { // lock order: the case, then its complaint
                ComplaintStore.Row row = read(kept);
                if (row.settled()) {
                    throw ProblemException.conflict("complaint-already-settled", "Complaint already settled",
                            "Complaint %s was settled (%s) on %s; it cannot be settled again.".formatted(number,
                                    row.outcome(), row.settledAt().toLocalDate()))
                            .with("outcome", row.outcome());
                }
                if (r.outcome() == ComplaintRequests.Outcome.REFUSED && note == null) {
                    throw ProblemException.rule("refusal-reason-required", "Reason for the refusal needed",
                            "A complaint is refused only with the reason the customer is given (note).");
                }
                return kept.with("SETTLED", write(new ComplaintStore.Row(null, null, row.number(), row.caseNumber(),
                        "SETTLED", row.country(), row.receivedAt(), row.receivedBy(), row.receiptNumber(), row.item(),
                        row.defect(), row.remedy(), row.notifyBy(), row.contact(), row.settlementDays(),
                        row.dueDate(), row.escalatedAt(), r.outcome().name(), note, now, user)));
            });
            return new TrainingCaseService.Entry(null, "%s: %s%s".formatted(number, r.outcome(),
                    note == null ? "" : " - " + note));
        });
        return view(number);
    }

    ComplaintView view(String number) {
        return realComplaints.view(row(number));
    }

    /** The user's training complaints in the real list's filters and order (by deadline, open ones first). */
    List<ComplaintView> list(String user, String status, LocalDate dueBy, String caseNumber, int limit) {
        return desk.getObject().cases(TrainingDesk.COMPLAINT, user, status, 1000).stream().map(this::read)
                .filter(c -> caseNumber == null || caseNumber.equals(c.caseNumber()))
                .filter(c -> dueBy == null || (!c.settled() && !c.dueDate().isAfter(dueBy)))
                .sorted(java.util.Comparator.comparing(ComplaintStore.Row::settled)
                        .thenComparing(ComplaintStore.Row::dueDate).thenComparing(ComplaintStore.Row::number))
                .limit(limit).map(realComplaints::view).toList();
    }

    /**
     * The confirmation contents of a training complaint, marked as training, for a user or register in training (a
     * training complaint is not known outside training).
     */
    Optional<ComplaintLetter> letter(String number) {
        if (number == null || !number.startsWith(TrainingTill.PREFIX) || !trainingCases.activeFor(
                io.storedesk.pos.identity.CurrentUser.username(), io.storedesk.pos.identity.CurrentUser.tokenRegister())) {
            return Optional.empty();
        }
        return find(number).map(p -> new ComplaintLetter(p.number(), p.caseNumber(), p.receivedAt().toInstant(),
                p.receivedBy(), p.receiptNumber(), p.item(), p.defect(), p.remedy(), p.notifyBy(), p.contact(),
                p.settlementDays(), p.dueDate(), p.outcome(), p.outcomeNote(),
                p.settledAt() == null ? null : p.settledAt().toInstant(), p.settledBy(), true));
    }

    private Optional<ComplaintStore.Row> find(String number) {
        TrainingDesk d = desk.getIfAvailable();
        if (d == null || number == null || !number.startsWith(TrainingTill.PREFIX)) {
            return Optional.empty();
        }
        return d.find(number).filter(c -> TrainingDesk.COMPLAINT.equals(c.kind())).map(this::read);
    }

    private ComplaintStore.Row row(String number) {
        return find(number).orElseThrow(() -> ProblemException.notFound("Complaint", number));
    }

    private ComplaintStore.Row read(TrainingCase kept) {
        return json.readValue(kept.document(), ComplaintStore.Row.class);
    }

    private String write(ComplaintStore.Row row) {
        return json.writeValueAsString(row);
    }
}
