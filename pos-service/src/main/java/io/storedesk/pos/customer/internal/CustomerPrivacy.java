package io.storedesk.pos.customer.internal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.storedesk.pos.common.Idempotency;
import io.storedesk.pos.common.ProblemException;
import io.storedesk.pos.customer.CustomerRecords;
import io.storedesk.pos.customer.CustomerView;
import io.storedesk.pos.journal.Journal;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * GDPR requests. Export: everything the store holds about a customer, as one JSON document.
 * Erasure: the personal fields are blanked and the free text of the customer's cases and special
 * orders too (unsent arrival e-mails are dropped), and the contact of their complaints; the
 * financial records (sales, returns, store credits, goodwill amounts and codes) stay, as the
 * law on accounting requires, no longer linked to a name, phone, e-mail or card. Answers kept for
 * Idempotency-Key repeats that mention the customer are emptied (a repeat is refused, never run again).
 * Cases and special orders live in their own modules, which take part as {@link CustomerRecords}.
 */
@Component
class CustomerPrivacy {

    /** Idempotency scopes of this module whose stored answers may hold a customer's personal data. */
    static final List<String> ANSWERS_WITH_PERSONAL_DATA = List.of("customer");

    private final CustomerStore customers;
    private final PurchaseHistory purchases;
    private final List<CustomerRecords> records;
    private final Journal journal;
    private final Idempotency idempotency;
    private final Clock clock;

    CustomerPrivacy(CustomerStore customers, PurchaseHistory purchases, List<CustomerRecords> records, Journal journal,
            Idempotency idempotency, Clock clock) {
        this.customers = customers;
        this.purchases = purchases;
        this.records = records;
        this.idempotency = idempotency;
        this.journal = journal;
        this.clock = clock;
    }

    record Export(OffsetDateTime exportedAt, String exportedBy, CustomerView customer,
            List<CustomerStore.ConsentRecord> consents, List<PurchaseHistory.Purchase> purchases, List<?> cases,
            List<?> specialOrders) {
    }

    @Transactional
    public Export export(UUID id, String user) {
        CustomerView customer = customers.find(id).orElseThrow(() -> ProblemException.notFound("Customer", id.toString()));
        Map<String, List<?>> held = new HashMap<>();
        records.forEach(r -> held.put(r.exportField(), r.export(id)));
        Export export = new Export(now(), user, customer, customers.consents(id), purchases.of(id),
                held.getOrDefault("cases", List.of()), held.getOrDefault("specialOrders", List.of()));
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
        records.forEach(r -> r.erase(id));
        idempotency.eraseAnswers(ANSWERS_WITH_PERSONAL_DATA, id.toString());
        journal.append(Journal.STORE_CHAIN, "CUSTOMER_ERASED", user, id.toString(), Map.of("reason", reason));
        return customers.find(id).orElseThrow();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }
}
