package io.storedesk.pos.customer.internal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import io.storedesk.pos.common.ProblemException;
import io.storedesk.pos.customer.CustomerView;
import io.storedesk.pos.customer.Customers;
import io.storedesk.pos.journal.Journal;
import io.storedesk.pos.loyalty.LoyaltyAccounts;
import io.storedesk.pos.sale.CustomerCards;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates, changes and finds customers. A phone or e-mail that another customer already has is
 * a possible duplicate (409) until the clerk confirms it; a loyalty card belongs to one customer.
 * Every change is journaled by customer id only: the journal is permanent and holds no personal
 * data, so erasing a customer never has to touch it.
 */
@Service
class CustomerService implements Customers, CustomerCards {

    private final CustomerStore store;
    private final Journal journal;
    private final LoyaltyAccounts loyalty;
    private final Clock clock;

    CustomerService(CustomerStore store, Journal journal, LoyaltyAccounts loyalty, Clock clock) {
        this.store = store;
        this.journal = journal;
        this.loyalty = loyalty;
        this.clock = clock;
    }

    @Transactional
    public CustomerView create(CustomerRequests.Create r, String user) {
        UUID id = UUID.randomUUID();
        CustomerStore.Details d = new CustomerStore.Details(r.name().trim(), blankToNull(r.phone()),
                blankToNull(r.email()), blankToNull(r.loyaltyCard()), blankToNull(r.preferredLanguage()));
        check(id, d, Boolean.TRUE.equals(r.allowDuplicate()));
        OffsetDateTime now = now();
        store.insert(id, d, now, user);
        if (r.emailReceipts() != null) {
            store.consent(id, "EMAIL_RECEIPTS", r.emailReceipts(), now, user);
        }
        if (r.marketing() != null) {
            store.consent(id, "MARKETING", r.marketing(), now, user);
        }
        journal.append(Journal.STORE_CHAIN, "CUSTOMER_CREATED", user, id.toString(), Map.of());
        return withBalance(store.find(id).orElseThrow());
    }

    @Transactional
    public CustomerView update(UUID id, CustomerRequests.Update r, String user) {
        CustomerView c = store.lock(id).orElseThrow(() -> ProblemException.notFound("Customer", id.toString()));
        if (c.erased()) {
            throw erased(id);
        }
        CustomerStore.Details d = new CustomerStore.Details(r.name() != null ? r.name().trim() : c.name(),
                r.phone() != null ? blankToNull(r.phone()) : c.phone(), r.email() != null ? blankToNull(r.email()) : c.email(),
                r.loyaltyCard() != null ? blankToNull(r.loyaltyCard()) : c.loyaltyCard(),
                r.preferredLanguage() != null ? blankToNull(r.preferredLanguage()) : c.preferredLanguage());
        boolean contactChanged = !Objects.equals(SearchFold.phone(d.phone()), SearchFold.phone(c.phone()))
                || !Objects.equals(SearchFold.email(d.email()), SearchFold.email(c.email()));
        check(id, d, Boolean.TRUE.equals(r.allowDuplicate()) || !contactChanged);
        OffsetDateTime now = now();
        List<String> changed = new ArrayList<>();
        addIfChanged(changed, "name", d.name(), c.name());
        addIfChanged(changed, "phone", d.phone(), c.phone());
        addIfChanged(changed, "email", d.email(), c.email());
        addIfChanged(changed, "loyaltyCard", d.loyaltyCard(), c.loyaltyCard());
        addIfChanged(changed, "preferredLanguage", d.preferredLanguage(), c.preferredLanguage());
        if (!changed.isEmpty()) {
            store.update(id, d, now);
        }
        if (r.emailReceipts() != null && r.emailReceipts() != c.emailReceipts().granted()) {
            store.consent(id, "EMAIL_RECEIPTS", r.emailReceipts(), now, user);
            changed.add("emailReceipts");
        }
        if (r.marketing() != null && r.marketing() != c.marketing().granted()) {
            store.consent(id, "MARKETING", r.marketing(), now, user);
            changed.add("marketing");
        }
        if (!changed.isEmpty()) {
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("changed", changed);
            journal.append(Journal.STORE_CHAIN, "CUSTOMER_UPDATED", user, id.toString(), payload);
        }
        return withBalance(store.find(id).orElseThrow());
    }

    @Transactional(readOnly = true)
    public List<CustomerView> search(String query, int limit) {
        String folded = SearchFold.text(query);
        if (folded.isEmpty()) {
            throw ProblemException.invalidField("q", "must not be empty");
        }
        String digits = query.matches("[+0-9 ()./-]+") ? SearchFold.phone(query) : null;
        List<String> words = Arrays.asList(folded.split(" "));
        return store.search(words, digits != null && digits.length() >= 3 ? digits : null, limit);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<CustomerView> find(String customerId) {
        return parse(customerId).flatMap(store::find).map(this::withBalance);
    }

    /** The customer with the points balance of their loyalty card, when the loyalty module knows the card. */
    private CustomerView withBalance(CustomerView c) {
        return c.loyaltyCard() == null ? c
                : c.withLoyaltyBalance(loyalty.find(c.loyaltyCard()).map(LoyaltyAccounts.LoyaltyBalance::balance).orElse(null));
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<CustomerView> findByLoyaltyCard(String loyaltyCard) {
        return store.findByLoyaltyCard(loyaltyCard).map(this::withBalance);
    }

    @Override
    @Transactional
    public Optional<CustomerView> lock(String customerId) {
        return parse(customerId).flatMap(store::lock);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<String> loyaltyCardOf(String customerId) {
        return parse(customerId).flatMap(store::find).map(CustomerView::loyaltyCard);
    }

    private void check(UUID id, CustomerStore.Details d, boolean allowDuplicate) {
        if (store.cardTaken(d.loyaltyCard(), id)) {
            throw ProblemException.conflict("loyalty-card-taken", "Loyalty card taken",
                    "Loyalty card %s already belongs to another customer.".formatted(d.loyaltyCard()));
        }
        if (!allowDuplicate) {
            List<CustomerStore.Duplicate> duplicates = store.duplicates(id, d.phone(), d.email());
            if (!duplicates.isEmpty()) {
                throw ProblemException.conflict("possible-duplicate", "Possible duplicate customer",
                        "Another customer has the same %s. Use that customer, or repeat with \"allowDuplicate\": true."
                                .formatted(duplicates.get(0).matchedOn())).with("duplicates", duplicates);
            }
        }
    }

    static Optional<UUID> parse(String id) {
        try {
            return Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
    }

    static ProblemException erased(UUID id) {
        return ProblemException.conflict("customer-erased", "Customer erased",
                "Customer %s was erased on request; the record can no longer change.".formatted(id));
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }

    private static void addIfChanged(List<String> changed, String field, String now, String before) {
        if (!Objects.equals(now, before)) {
            changed.add(field);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
