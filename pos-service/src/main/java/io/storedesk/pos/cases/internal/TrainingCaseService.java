package io.storedesk.pos.cases.internal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import io.storedesk.pos.common.Amounts;
import io.storedesk.pos.common.Money;
import io.storedesk.pos.common.ProblemException;
import io.storedesk.pos.common.StoreProperties;
import io.storedesk.pos.customer.CustomerProperties;
import io.storedesk.pos.customer.Customers;
import io.storedesk.pos.identity.IdentityProperties;
import io.storedesk.pos.identity.Role;
import io.storedesk.pos.sale.Sales;
import io.storedesk.pos.sale.TrainingDesk;
import io.storedesk.pos.sale.TrainingDesk.TrainingCase;
import io.storedesk.pos.sale.TrainingTill;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Service cases opened in training (ADR 0005, issue 24): the real cases' rules (customer and receipt known, status
 * steps, escalation to a manager, follow-up not in the past, resolution approvals and goodwill limits), run on the
 * case as kept by the training desk ({@link TrainingDesk}, table {@code training_case}) under its row lock. Nothing
 * is journaled, published, e-mailed or issued: goodwill is recorded with its approval but no store credit or coupon
 * exists for it (its code stays empty). This class holds no case store, journal, goodwill issuer or event publisher.
 */
@Service
class TrainingCaseService {

    private final ObjectProvider<TrainingDesk> desk;
    private final ObjectProvider<TrainingTill> till;
    private final Customers customers;
    private final Sales sales;
    private final CaseStore realCases;
    private final ResolutionApprovals resolutionApprovals;
    private final CustomerProperties customerProperties;
    private final IdentityProperties identity;
    private final StoreProperties store;
    private final Clock clock;
    private final JsonMapper json;

    TrainingCaseService(ObjectProvider<TrainingDesk> desk, ObjectProvider<TrainingTill> till, Customers customers,
            Sales sales, CaseStore realCases, ResolutionApprovals resolutionApprovals,
            CustomerProperties customerProperties, IdentityProperties identity, StoreProperties store, Clock clock,
            JsonMapper json) {
        this.desk = desk;
        this.till = till;
        this.customers = customers;
        this.sales = sales;
        this.realCases = realCases;
        this.resolutionApprovals = resolutionApprovals;
        this.customerProperties = customerProperties;
        this.identity = identity;
        this.store = store;
        this.clock = clock;
        // a stored case reads back with the times it was answered with
        this.json = json.rebuild().disable(DateTimeFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE).build();
    }

    /** Whether the user or the register is in training. */
    boolean activeFor(String user, String registerId) {
        TrainingTill t = till.getIfAvailable();
        return t != null && t.activeFor(user, registerId);
    }

    /**
     * The one rule of the case and complaint routes: whether {@code number} is a training case or complaint that the
     * user or register may read or change here. A {@code TRN-} number outside training is 404 (it does not exist
     * there); in training a change of a real one is 422 {@code training-not-available} (reading it is fine).
     *
     * @param what {@code "Case"} or {@code "Complaint"}, as the 404 names it
     */
    boolean trainingNumber(String what, String number, boolean change, String user, String registerId) {
        boolean trainingNumber = number.startsWith(TrainingTill.PREFIX);
        boolean active = activeFor(user, registerId);
        if (trainingNumber && !active) {
            throw ProblemException.notFound(what, number);
        }
        if (active && !trainingNumber && change) {
            throw ProblemException.rule("training-not-available", "Not available in training",
                    "In training only training cases and complaints (TRN- numbers) change; %s %s is a real one."
                            .formatted(what.toLowerCase(java.util.Locale.ROOT), number));
        }
        return trainingNumber;
    }

    /** Opens a training case, numbered TRN-<register, or the user without one>-C<seq>. */
    CaseView open(CaseRequests.Open r, String user, String registerId) {
        String customerId = null;
        if (r.customerId() != null) {
            customerId = customers.find(r.customerId()).map(c -> c.id())
                    .orElseThrow(() -> ProblemException.rule("unknown-customer", "Unknown customer",
                            "There is no customer '%s'.".formatted(r.customerId())));
        }
        if (r.receiptNumber() != null && sales.find(r.receiptNumber()).isEmpty()
                && till.getObject().find(r.receiptNumber()).isEmpty()) {
            throw ProblemException.rule("unknown-receipt", "Unknown receipt",
                    "There is no sale with receipt number '%s'.".formatted(r.receiptNumber()));
        }
        OffsetDateTime now = CaseService.now(clock);
        String prefix = TrainingTill.PREFIX + (registerId != null ? registerId : user) + "-C";
        String customer = customerId;
        TrainingCase kept = desk.getObject().open(prefix, TrainingDesk.CASE, customerId, user, CaseStatus.OPEN.name(),
                number -> write(
                new CaseView(number, CaseStatus.OPEN.name(), r.category().name(), r.channel().name(), r.subject(),
                        r.description(), customer, r.receiptNumber(), user, now, null, null, null, null, null, null,
                        null, null, null, null,
                        List.of(new CaseView.Event(1, "OPENED", now, user, null, CaseStatus.OPEN.name(), null,
                                r.description())), true)));
        return read(kept);
    }

    CaseView view(String number) {
        return desk.getObject().find(number).filter(c -> TrainingDesk.CASE.equals(c.kind())).map(this::read)
                .orElseThrow(() -> ProblemException.notFound("Case", number));
    }

    /** The user's training cases, newest first, in a status when given. */
    List<CaseView> list(String user, CaseStatus status, java.time.LocalDate followUpDue, int limit) {
        return desk.getObject().cases(TrainingDesk.CASE, user, status == null ? null : status.name(),
                        followUpDue == null ? limit : 1000)
                .stream().map(this::read)
                .filter(v -> followUpDue == null || (CaseStatus.valueOf(v.status()).active() && v.followUpDue() != null
                        && !v.followUpDue().isAfter(followUpDue)))
                .limit(limit).toList();
    }

    CaseView note(String number, CaseRequests.Note r, String user) {
        return step(number, v -> {
            CaseStatus status = CaseStatus.valueOf(v.status());
            status.require(CaseStatus.activeOr(CaseStatus.RESOLVED), number, "given a note");
            CaseStatus to = status == CaseStatus.OPEN ? CaseStatus.IN_PROGRESS : null;
            OffsetDateTime now = CaseService.now(clock);
            Case c = new Case(v, now);
            c.responded();
            if (to != null) {
                c.status = to.name();
            }
            c.event("NOTE", user, to == null ? null : status, to, null, r.text());
            return c;
        });
    }

    CaseView escalate(String number, CaseRequests.Escalate r, String user) {
        return step(number, v -> {
            CaseStatus status = CaseStatus.valueOf(v.status());
            status.require(EnumSet.of(CaseStatus.OPEN, CaseStatus.IN_PROGRESS), number, "escalated");
            if (r.manager() != null) {
                IdentityProperties.User manager = identity.users().get(r.manager());
                if (manager == null || !manager.roles().contains(Role.MANAGER)) {
                    throw ProblemException.rule("unknown-manager", "Unknown manager",
                            "'%s' is not a manager of this store.".formatted(r.manager()));
                }
            }
            Case c = new Case(v, CaseService.now(clock));
            c.responded();
            c.status = CaseStatus.ESCALATED.name();
            c.escalatedTo = r.manager();
            c.event("ESCALATED", user, status, CaseStatus.ESCALATED, null, r.reason());
            return c;
        });
    }

    CaseView followUp(String number, CaseRequests.FollowUp r, String user) {
        return step(number, v -> {
            CaseStatus.valueOf(v.status()).require(CaseStatus.activeOr(), number, "given a follow-up");
            if (r.due().isBefore(store.today(clock))) {
                throw ProblemException.rule("follow-up-in-past", "Follow-up date in the past",
                        "A follow-up is due today or later, not on %s.".formatted(r.due()));
            }
            Case c = new Case(v, CaseService.now(clock));
            c.followUpDue = r.due();
            c.event("FOLLOW_UP", user, null, null, r.due(), r.note());
            return c;
        });
    }

    CaseView resolve(String number, CaseRequests.Resolve r, String user) {
        return step(number, v -> {
            CaseStatus status = CaseStatus.valueOf(v.status());
            status.require(CaseStatus.activeOr(), number, "resolved");
            Money amount = r.goodwill() == null ? null
                    : Amounts.parse(r.goodwill().amount(), store.currency(), "goodwill.amount");
            if (amount != null && !amount.isPositive()) {
                throw ProblemException.rule("invalid-goodwill", "Invalid goodwill", "Goodwill must be more than zero.");
            }
            OffsetDateTime now = CaseService.now(clock);
            Money earlier = null;
            if (amount != null && v.customerId() != null) {
                // the customer's real goodwill counts as at the real desk (a read); training goodwill is no goodwill
                earlier = realCases.goodwillSince(java.util.UUID.fromString(v.customerId()),
                        now.minus(customerProperties.goodwillWindow()), store.currency());
            }
            String approvedBy = resolutionApprovals.check(new CaseStore.Row(null, 0, v), amount, earlier, r.approval(),
                    user);
            Case c = new Case(v, now);
            c.responded();
            c.status = CaseStatus.RESOLVED.name();
            c.resolution = r.resolution();
            c.resolvedAt = now;
            c.resolvedBy = user;
            c.event("RESOLVED", user, status, CaseStatus.RESOLVED, null, r.resolution());
            if (amount != null) {
                c.goodwill = new CaseView.Goodwill(r.goodwill().type().name(), amount.amount().toPlainString(), null,
                        approvedBy);
                c.event("GOODWILL", user, null, null, null, "%s %s (training: nothing issued)%s".formatted(
                        r.goodwill().type(), amount, approvedBy == null ? "" : ", approved by " + approvedBy));
            }
            return c;
        });
    }

    CaseView close(String number, CaseRequests.Close r, String user) {
        return step(number, v -> {
            CaseStatus status = CaseStatus.valueOf(v.status());
            status.require(EnumSet.of(CaseStatus.RESOLVED), number, "closed");
            Case c = new Case(v, CaseService.now(clock));
            c.status = CaseStatus.CLOSED.name();
            c.closedAt = c.now;
            c.event("CLOSED", user, status, CaseStatus.CLOSED, null, r == null ? null : r.note());
            return c;
        });
    }

    /**
     * Appends a complaint's entry to its training case's history under the case's row lock; {@code check} decides on
     * the case as it stands (and changes the complaint, under the case's lock) and answers the entry.
     */
    CaseView complaintEvent(String number, String type, String user,
            java.util.function.Function<CaseView, Entry> check) {
        return step(number, v -> {
            Entry entry = check.apply(v);
            Case c = new Case(v, CaseService.now(clock));
            c.event(type, user, null, null, entry.due(), entry.text());
            return c;
        });
    }

    /** A history entry of a complaint on its training case. */
    record Entry(java.time.LocalDate due, String text) {
    }

    private CaseView step(String number, java.util.function.Function<CaseView, Case> step) {
        if (!number.startsWith(TrainingTill.PREFIX + "") || desk.getObject().find(number)
                .filter(c -> TrainingDesk.CASE.equals(c.kind())).isEmpty()) {
            throw ProblemException.notFound("Case", number);
        }
        TrainingCase changed = desk.getObject().change(number, kept -> {
            CaseView after = step.apply(read(kept)).view();
            return kept.with(after.status(), write(after));
        });
        return read(changed);
    }

    private CaseView read(TrainingCase kept) {
        return json.readValue(kept.document(), CaseView.class);
    }

    private String write(CaseView view) {
        return json.writeValueAsString(view);
    }

    /** A training case being changed by one step. */
    private static final class Case {
        private final CaseView v;
        private final OffsetDateTime now;
        private final List<CaseView.Event> history;
        private String status;
        private OffsetDateTime firstResponseAt;
        private String escalatedTo;
        private java.time.LocalDate followUpDue;
        private String resolution;
        private OffsetDateTime resolvedAt;
        private String resolvedBy;
        private CaseView.Goodwill goodwill;
        private OffsetDateTime closedAt;

        Case(CaseView v, OffsetDateTime now) {
            this.v = v;
            this.now = now;
            this.history = new ArrayList<>(v.history() == null ? List.of() : v.history());
            this.status = v.status();
            this.firstResponseAt = v.firstResponseAt();
            this.escalatedTo = v.escalatedTo();
            this.followUpDue = v.followUpDue();
            this.resolution = v.resolution();
            this.resolvedAt = v.resolvedAt();
            this.resolvedBy = v.resolvedBy();
            this.goodwill = v.goodwill();
            this.closedAt = v.closedAt();
        }

        void responded() {
            if (firstResponseAt == null) {
                firstResponseAt = now;
            }
        }

        void event(String type, String user, CaseStatus from, CaseStatus to, java.time.LocalDate due, String text) {
            history.add(new CaseView.Event(history.size() + 1, type, now, user, from == null ? null : from.name(),
                    to == null ? null : to.name(), due, text));
        }

        CaseView view() {
            return new CaseView(v.caseNumber(), status, v.category(), v.channel(), v.subject(), v.description(),
                    v.customerId(), v.receiptNumber(), v.openedBy(), v.openedAt(), firstResponseAt, escalatedTo,
                    followUpDue, resolution, resolvedAt, resolvedBy, goodwill, closedAt,
                    CaseStore.between(v.openedAt(), firstResponseAt), CaseStore.between(v.openedAt(), resolvedAt),
                    List.copyOf(history), true);
        }
    }
}
