package io.storedesk.pos.cases.internal;

import java.util.List;
import java.util.UUID;

import io.storedesk.pos.common.Idempotency;
import io.storedesk.pos.customer.CustomerRecords;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A customer's service cases (with their history) in the GDPR export; at erasure the free text of their
 * cases and the contact of their complaints are blanked (unsent complaint e-mails dropped), and so are the
 * stored answers of case and complaint requests that mention them. Goodwill amounts and codes stay. Training cases
 * (ADR 0005) are not the store's records: they are not exported, and erasure deletes them.
 */
@Component
@Order(1)
class CaseRecords implements CustomerRecords {

    /** Idempotency scopes whose stored answers may hold a customer's personal data or free text about them. */
    static final List<String> ANSWERS_WITH_PERSONAL_DATA = List.of("complaint", "case", "case-note", "case-escalate",
            "case-follow-up", "case-resolve", "training-case", "training-case-note", "training-case-escalate",
            "training-case-follow-up", "training-case-resolve", "training-complaint");

    private final CaseStore cases;
    private final ComplaintStore complaints;
    private final Idempotency idempotency;

    private final org.springframework.beans.factory.ObjectProvider<io.storedesk.pos.sale.TrainingDesk> training;

    CaseRecords(CaseStore cases, ComplaintStore complaints, Idempotency idempotency,
            org.springframework.beans.factory.ObjectProvider<io.storedesk.pos.sale.TrainingDesk> training) {
        this.training = training;
        this.cases = cases;
        this.complaints = complaints;
        this.idempotency = idempotency;
    }

    @Override
    public String exportField() {
        return "cases";
    }

    @Override
    public List<CaseView> export(UUID customerId) {
        return cases.idsOf(customerId).stream()
                .map(caseId -> cases.byId(caseId).orElseThrow().withHistory(cases.history(caseId))).toList();
    }

    @Override
    public void erase(UUID customerId) {
        cases.eraseTexts(customerId);
        complaints.eraseContacts(customerId);
        // cases opened in training for them are practice, not records of the store (not exported): they go
        training.ifAvailable(desk -> desk.forgetCustomer(customerId.toString()));
        idempotency.eraseAnswers(ANSWERS_WITH_PERSONAL_DATA, customerId.toString());
    }
}
