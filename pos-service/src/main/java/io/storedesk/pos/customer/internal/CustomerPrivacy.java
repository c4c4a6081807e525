package io.storedesk.pos.customer.internal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.storedesk.pos.common.Idempotency;
import io.storedesk.pos.common.ProblemException;
import io.storedesk.pos.customer.CustomerView;
import io.storedesk.pos.journal.Journal;
import io.storedesk.pos.sale.TrainingTill;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * GDPR requests. Export: everything the store holds about a customer, as one JSON document.
 * Erasure: the personal fields are blanked and the free text of the customer's cases and special
 * orders too (unsent arrival e-mails are dropped), and the contact of their complaints; the
 * financial records (sales, returns, store credits, goodwill amounts and codes) stay, as the
 * law on accounting requires, no longer linked to a name, phone, e-mail or card. Answers kept for
 * Idempotency-Key repeats that mention the customer are emptied (a repeat is refused, never run again).
 */
@Component
class CustomerPrivacy {

    /** Idempotency scopes whose stored answers may hold a customer's personal data or free text about them. */
    static final List<String> ANSWERS_WITH_PERSONAL_DATA = List.of("customer", "complaint", "case", "case-note",
            "case-escalate", "case-follow-up", "case-resolve", "special-order", "special-order-cancel");

    private final CustomerStore customers;
    private final CaseStore cases;
    private final PurchaseHistory purchases;
    private final SpecialOrderStore orders;
    private final ComplaintStore complaints;
    private final Journal journal;
    private final Idempotency idempotency;
    private final Clock clock;
    private final ObjectProvider<TrainingTill> training;

    CustomerPrivacy(CustomerStore customers, CaseStore cases, PurchaseHistory purchases, SpecialOrderStore orders,
            ComplaintStore complaints, Journal journal, Idempotency idempotency, Clock clock,
            ObjectProvider<TrainingTill> training) {
        this.training = training;
        this.idempotency = idempotency;
        this.orders = orders;
        this.complaints = complaints;
        this.customers = customers;
        this.cases = cases;
        this.purchases = purchases;
        this.journal = journal;
        this.clock = clock;
    }

    record Export(OffsetDateTime exportedAt, String exportedBy, CustomerView customer,
            List<CustomerStore.ConsentRecord> consents, List<PurchaseHistory.Purchase> purchases, List<CaseView> cases,
            List<SpecialOrderView> specialOrders) {
    }

    @Transactional
    public Export export(UUID id, String user) {
        CustomerView customer = customers.find(id).orElseThrow(() -> ProblemException.notFound("Customer", id.toString()));
        List<CaseView> theirCases = cases.idsOf(id).stream()
                .map(caseId -> cases.byId(caseId).orElseThrow().withHistory(cases.history(caseId))).toList();
        Export export = new Export(now(), user, customer, customers.consents(id), purchases.of(id), theirCases,
                orders.list(id, null, 10_000));
        journal.append(Journal.STORE_CHAIN, "CUSTOMER_EXPORTED", user, id.toString(), Map.of());
        return export;
    }

    @Transactional
    public CustomerView erase(UUID id, String reason, String user) {
        CustomerView customer = customers.lock(id).orElseThrow(() -> ProblemException.notFound("Customer", id.toString()));
        if (customer.erased()) {
            throw CustomerService.erased(id);
        }
        customers.erase(id, now(), user);
        cases.eraseTexts(id);
        orders.eraseTexts(id);
        // special orders taken in training for them are practice, kept by the training till: they go
        training.ifAvailable(till -> till.forgetCustomer(id.toString()));
        complaints.eraseContacts(id);
        idempotency.eraseAnswers(ANSWERS_WITH_PERSONAL_DATA, id.toString());
        journal.append(Journal.STORE_CHAIN, "CUSTOMER_ERASED", user, id.toString(), Map.of("reason", reason));
        return customers.find(id).orElseThrow();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }
}
