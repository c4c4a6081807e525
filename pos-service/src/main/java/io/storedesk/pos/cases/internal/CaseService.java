package io.storedesk.pos.cases.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import io.storedesk.pos.cases.CaseOpened;
import io.storedesk.pos.cases.CaseResolved;
import io.storedesk.pos.common.Amounts;
import io.storedesk.pos.common.Money;
import io.storedesk.pos.common.ProblemException;
import io.storedesk.pos.common.StoreProperties;
import io.storedesk.pos.customer.Customers;
import io.storedesk.pos.identity.IdentityProperties;
import io.storedesk.pos.identity.Role;
import io.storedesk.pos.journal.Journal;
import io.storedesk.pos.sale.Sales;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Service cases: each step locks the case, checks the status allows it, changes the case,
 * appends to its history and journals it (by case number; free text stays out of the journal).
 * The first staff action after opening sets the response time, resolution the resolution time.
 */
@Service
class CaseService {

    private final CaseStore cases;
    private final Customers customers;
    private final Sales sales;
    private final ResolutionApprovals resolutionApprovals;
    private final GoodwillIssuer goodwill;
    private final Journal journal;
    private final StoreProperties store;
    private final IdentityProperties identity;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final io.storedesk.pos.customer.CustomerProperties customerProperties;

    CaseService(io.storedesk.pos.customer.CustomerProperties customerProperties, CaseStore cases, Customers customers, Sales sales, ResolutionApprovals resolutionApprovals,
            GoodwillIssuer goodwill, Journal journal, StoreProperties store, IdentityProperties identity, Clock clock,
            ApplicationEventPublisher events) {
        this.events = events;
        this.customerProperties = customerProperties;
        this.cases = cases;
        this.customers = customers;
        this.sales = sales;
        this.resolutionApprovals = resolutionApprovals;
        this.goodwill = goodwill;
        this.journal = journal;
        this.store = store;
        this.identity = identity;
        this.clock = clock;
    }

    @Transactional
    public CaseView open(CaseRequests.Open r, String user) {
        UUID customerId = null;
        if (r.customerId() != null) {
            customerId = customers.find(r.customerId()).map(c -> UUID.fromString(c.id()))
                    .orElseThrow(() -> ProblemException.rule("unknown-customer", "Unknown customer",
                            "There is no customer '%s'.".formatted(r.customerId())));
        }
        if (r.receiptNumber() != null && sales.find(r.receiptNumber()).isEmpty()) {
            throw ProblemException.rule("unknown-receipt", "Unknown receipt",
                    "There is no sale with receipt number '%s'.".formatted(r.receiptNumber()));
        }
        UUID id = UUID.randomUUID();
        String number = "%s-CASE-%06d".formatted(store.id(), cases.nextNumber());
        OffsetDateTime now = now();
        cases.insert(id, number, r, customerId, user, now);
        CaseStore.Row row = cases.find(number, true).orElseThrow();
        cases.append(row, "OPENED", user, now, null, CaseStatus.OPEN, null, r.description());
        journal(number, "CASE_OPENED", user, "category", r.category().name(), "channel", r.channel().name());
        events.publishEvent(new CaseOpened(number, customerId == null ? null : customerId.toString(),
                r.category().name(), r.channel().name(), user, now.toInstant()));
        return view(number);
    }

    @Transactional
    public CaseView note(String number, CaseRequests.Note r, String user) {
        CaseStore.Row row = lock(number);
        row.status().require(CaseStatus.activeOr(CaseStatus.RESOLVED), number, "given a note");
        CaseStatus to = row.status() == CaseStatus.OPEN ? CaseStatus.IN_PROGRESS : null;
        OffsetDateTime now = now();
        responded(row, now);
        if (to != null) {
            cases.set(row.id(), "status = ?", to.name());
        }
        cases.append(row, "NOTE", user, now, to == null ? null : row.status(), to, null, r.text());
        journal(number, "CASE_NOTE", user, "status", (to == null ? row.status() : to).name());
        return view(number);
    }

    @Transactional
    public CaseView escalate(String number, CaseRequests.Escalate r, String user) {
        CaseStore.Row row = lock(number);
        row.status().require(java.util.EnumSet.of(CaseStatus.OPEN, CaseStatus.IN_PROGRESS), number, "escalated");
        if (r.manager() != null) {
            IdentityProperties.User manager = identity.users().get(r.manager());
            if (manager == null || !manager.roles().contains(Role.MANAGER)) {
                throw ProblemException.rule("unknown-manager", "Unknown manager",
                        "'%s' is not a manager of this store.".formatted(r.manager()));
            }
        }
        OffsetDateTime now = now();
        responded(row, now);
        cases.set(row.id(), "status = ?, escalated_to = ?", CaseStatus.ESCALATED.name(), r.manager());
        cases.append(row, "ESCALATED", user, now, row.status(), CaseStatus.ESCALATED, null, r.reason());
        journal(number, "CASE_ESCALATED", user, "manager", r.manager() == null ? "" : r.manager());
        return view(number);
    }

    @Transactional
    public CaseView followUp(String number, CaseRequests.FollowUp r, String user) {
        CaseStore.Row row = lock(number);
        row.status().require(CaseStatus.activeOr(), number, "given a follow-up");
        if (r.due().isBefore(store.today(clock))) {
            throw ProblemException.rule("follow-up-in-past", "Follow-up date in the past",
                    "A follow-up is due today or later, not on %s.".formatted(r.due()));
        }
        OffsetDateTime now = now();
        cases.set(row.id(), "follow_up_due = ?", r.due());
        cases.append(row, "FOLLOW_UP", user, now, null, null, r.due(), r.note());
        journal(number, "CASE_FOLLOW_UP", user, "due", r.due().toString());
        return view(number);
    }

    @Transactional
    public CaseView resolve(String number, CaseRequests.Resolve r, String user) {
        CaseStore.Row row = lock(number);
        row.status().require(CaseStatus.activeOr(), number, "resolved");
        Money amount = r.goodwill() == null ? null : Amounts.parse(r.goodwill().amount(), store.currency(), "goodwill.amount");
        if (amount != null && !amount.isPositive()) {
            throw ProblemException.rule("invalid-goodwill", "Invalid goodwill", "Goodwill must be more than zero.");
        }
        Money earlier = null;
        if (amount != null && row.view().customerId() != null) {
            java.util.UUID customer = java.util.UUID.fromString(row.view().customerId());
            customers.lock(customer.toString()); // lock 5 (docs/locking.md): the customer's goodwill, decided under it
            earlier = cases.goodwillSince(customer, now().minus(customerProperties.goodwillWindow()), store.currency());
        }
        String approvedBy = resolutionApprovals.check(row, amount, earlier, r.approval(), user);
        OffsetDateTime now = now();
        responded(row, now);
        cases.set(row.id(), "status = ?, resolution = ?, resolved_at = ?, resolved_by = ?",
                CaseStatus.RESOLVED.name(), r.resolution(), now, user);
        cases.append(row, "RESOLVED", user, now, row.status(), CaseStatus.RESOLVED, null, r.resolution());
        Map<String, Object> payload = new LinkedHashMap<>();
        if (amount != null) {
            String code = goodwill.issue(r.goodwill().type(), amount, number, user);
            cases.set(row.id(), "goodwill_type = ?, goodwill_amount = ?, goodwill_code = ?, goodwill_approved_by = ?",
                    r.goodwill().type().name(), amount.amount(), code, approvedBy);
            CaseStore.Row after = lock(number);
            cases.append(after, "GOODWILL", user, now, null, null, null, "%s %s %s%s".formatted(r.goodwill().type(),
                    amount, code, approvedBy == null ? "" : ", approved by " + approvedBy));
            payload.put("goodwillType", r.goodwill().type().name());
            payload.put("goodwillAmount", amount.toString());
            payload.put("goodwillCode", code);
        }
        payload.put("approvedBy", approvedBy == null ? "" : approvedBy);
        journal.append(Journal.STORE_CHAIN, "CASE_RESOLVED", user, number, payload);
        events.publishEvent(new CaseResolved(number, row.view().customerId(), user, now.toInstant(), r.resolution()));
        return view(number);
    }

    @Transactional
    public CaseView close(String number, CaseRequests.Close r, String user) {
        CaseStore.Row row = lock(number);
        row.status().require(java.util.EnumSet.of(CaseStatus.RESOLVED), number, "closed");
        OffsetDateTime now = now();
        cases.set(row.id(), "status = ?, closed_at = ?", CaseStatus.CLOSED.name(), now);
        cases.append(row, "CLOSED", user, now, row.status(), CaseStatus.CLOSED, null, r == null ? null : r.note());
        journal(number, "CASE_CLOSED", user);
        return view(number);
    }

    @Transactional(readOnly = true)
    public CaseView view(String number) {
        CaseStore.Row row = cases.find(number, false).orElseThrow(() -> ProblemException.notFound("Case", number));
        return row.view().withHistory(cases.history(row.id()));
    }

    private void responded(CaseStore.Row row, OffsetDateTime now) {
        if (row.view().firstResponseAt() == null) {
            cases.set(row.id(), "first_response_at = ?", now);
        }
    }

    private CaseStore.Row lock(String number) {
        return cases.find(number, true).orElseThrow(() -> ProblemException.notFound("Case", number));
    }

    private void journal(String number, String type, String user, String... keyValues) {
        journal(journal, number, type, user, keyValues);
    }

    /** Journals a change of a case or its complaint on the store's chain, by number, with key/value pairs. */
    static void journal(Journal journal, String number, String type, String user, String... keyValues) {
        Map<String, Object> payload = new LinkedHashMap<>();
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            payload.put(keyValues[i], keyValues[i + 1]);
        }
        journal.append(Journal.STORE_CHAIN, type, user, number, payload);
    }

    private OffsetDateTime now() {
        return now(clock);
    }

    /** The time a case or complaint change is stamped with: UTC, to the microsecond the databases keep. */
    static OffsetDateTime now(Clock clock) {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }
}
