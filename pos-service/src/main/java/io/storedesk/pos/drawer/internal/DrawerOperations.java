package io.storedesk.pos.drawer.internal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import io.storedesk.pos.common.Money;
import io.storedesk.pos.common.ProblemException;
import io.storedesk.pos.drawer.CashPosting;
import io.storedesk.pos.drawer.DrawerInfo;
import io.storedesk.pos.drawer.DrawerProperties;
import io.storedesk.pos.drawer.PostingType;
import io.storedesk.pos.identity.Approval;
import io.storedesk.pos.identity.ApprovalRequest;
import io.storedesk.pos.identity.CurrentUser;
import io.storedesk.pos.identity.ManagerApprovals;
import io.storedesk.pos.identity.Role;
import io.storedesk.pos.journal.Journal;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/** Cash movements during a shift and the blind close at its end. */
@Service
class DrawerOperations {

    private final DrawerService drawers;
    private final DrawerSessionRepository sessions;
    private final Denominations denominations;
    private final DrawerProperties properties;
    private final ManagerApprovals approvals;
    private final Journal journal;
    private final JsonMapper json;
    private final Clock clock;
    private final org.springframework.context.ApplicationEventPublisher events;
    private final DayLock dayLock;
    private final org.springframework.transaction.support.TransactionTemplate tx;
    private final org.springframework.transaction.support.TransactionTemplate ownTransaction;

    DrawerOperations(org.springframework.transaction.support.TransactionTemplate tx,
            DayLock dayLock, org.springframework.context.ApplicationEventPublisher events, DrawerService drawers, DrawerSessionRepository sessions, Denominations denominations,
            DrawerProperties properties, ManagerApprovals approvals, Journal journal, JsonMapper json, Clock clock) {
        this.drawers = drawers;
        this.sessions = sessions;
        this.denominations = denominations;
        this.properties = properties;
        this.approvals = approvals;
        this.journal = journal;
        this.json = json;
        this.clock = clock;
        this.events = events;
        this.dayLock = dayLock;
        this.tx = tx;
        this.ownTransaction = new org.springframework.transaction.support.TransactionTemplate(tx.getTransactionManager());
        this.ownTransaction.setPropagationBehavior(
                org.springframework.transaction.TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Paid-in, paid-out, safe drop or pick-up; money out cannot exceed the cash that should be there. */
    @Transactional
    public Movement move(String drawerId, PostingType type, Money amount, String reason, String user) {
        DrawerInfo drawer = drawers.drawerForOperation(drawerId);
        dayLock.holdForPosting(); // lock 1 (docs/locking.md); lockOpen below is lock 2
        DrawerSession session = sessions.lockOpen(drawerId).orElseThrow(() -> DrawerService.notOpen(drawerId));
        requireResponsible(session, user);
        Money signed = switch (type) {
            case PAID_IN -> amount;
            case PAID_OUT, SAFE_DROP, PICKUP -> amount.negate();
            default -> throw ProblemException.badRequest("invalid-movement", "Invalid movement",
                    "A cash movement is PAID_IN, PAID_OUT, SAFE_DROP or PICKUP.");
        };
        // the session's rule (insufficient-cash) is checked by DrawerSession.post, on the session it changes
        drawers.post(drawerId, new CashPosting(type, signed, null, reason, user));
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("drawerId", drawerId);
        payload.put("sessionId", session.id().toString());
        payload.put("type", type.name());
        payload.put("amount", signed.toString());
        payload.put("reason", reason);
        journal.append(drawer.registerId(), "CASH_MOVEMENT", user, session.id().toString(), payload);
        return new Movement(drawerId, session.id(), type.name(), amount.toString(), reason, user,
                OffsetDateTime.now(clock.withZone(ZoneOffset.UTC)));
    }

    /**
     * The open session a training paid-in, paid-out or no-sale (ADR 0005, issue 24) is checked against as a real
     * one is: the drawer is open and in the user's charge (or the user is a manager), and a paid-out takes no more
     * than the drawer should hold. A read without the drawer's locks: nothing is posted to the drawer, so no
     * posting can race it into the books; the training till's own counter lock orders its documents.
     */
    @Transactional(readOnly = true)
    public UUID trainingSession(String drawerId, PostingType type, Money amount, String user) {
        DrawerInfo drawer = drawers.drawerForOperation(drawerId);
        DrawerSession session = sessions.findOpen(drawerId).orElseThrow(() -> DrawerService.notOpen(drawerId));
        requireResponsible(session, user);
        if (type == PostingType.PAID_OUT) {
            session.requireCash(amount);
        }
        return session.id();
    }

    /**
     * Closes the drawer with a blind count. A variance beyond the configured tolerance needs a
     * manager's approval, and so does any recount after a refused count; a refusal says neither
     * the expected amount nor how far off the count was. Every attempt is journaled: a closed
     * drawer as DRAWER_CLOSED, a refused count as DRAWER_COUNT_REFUSED, committed in a transaction
     * of its own once the close's (or the caller's) transaction has rolled back and let go of the
     * drawer's locks (issue 22, finding 8).
     */
    public Closed close(String drawerId, Map<String, Integer> counts, ApprovalRequest approval, String user) {
        DrawerInfo drawer = drawers.drawerForOperation(drawerId);
        Money counted = denominations.total(drawer, counts);
        java.util.concurrent.atomic.AtomicBoolean compared = new java.util.concurrent.atomic.AtomicBoolean();
        try {
            return tx.execute(s -> closeCounted(drawer, counted, counts, approval, user, compared));
        } catch (ProblemException refused) {
            if (compared.get()) {
                Runnable record = () -> ownTransaction.executeWithoutResult(
                        s -> recordRefusedCount(drawer, counted, counts, user, refused.type()));
                if (org.springframework.transaction.support.TransactionSynchronizationManager.isSynchronizationActive()) {
                    org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
                            new org.springframework.transaction.support.TransactionSynchronization() {
                                @Override
                                public void afterCompletion(int status) {
                                    record.run();
                                }
                            });
                } else {
                    record.run();
                }
            }
            throw refused;
        }
    }

    private Closed closeCounted(DrawerInfo drawer, Money counted, Map<String, Integer> counts,
            ApprovalRequest approval, String user, java.util.concurrent.atomic.AtomicBoolean compared) {
        String drawerId = drawer.drawerId();
        dayLock.holdForPosting(); // lock 1 (docs/locking.md); lockOpen below is lock 2
        DrawerSession session = sessions.lockOpen(drawerId).orElseThrow(() -> DrawerService.notOpen(drawerId));
        requireResponsible(session, user);
        Currency currency = drawer.currency();
        Money expected = Money.rounded(session.expectedCash(), currency);
        Money variance = counted.minus(expected);
        Money tolerance = Money.rounded(properties.varianceTolerance(), currency);
        compared.set(true);
        String approver = null;
        boolean recount = session.refusedCounts() > 0;
        if (recount || variance.amount().abs().compareTo(tolerance.amount()) > 0) {
            if (approval == null) {
                throw recount
                        ? ProblemException.rule("drawer-recount-needs-approval", "Manager approval needed",
                                "A count of this drawer was refused before; a recount needs a manager's approval.")
                        : ProblemException.rule("drawer-variance-needs-approval", "Manager approval needed",
                                "The count differs from the expected cash by more than the tolerance; a recount "
                                        + "or the close needs a manager's approval.");
            }
            Approval granted = approvals.require(approval, recount ? "drawer-recount" : "drawer-variance", user,
                    "A manager must approve.");
            approver = granted.manager();
        }
        java.time.Instant closedAt = clock.instant();
        session.close(counted.amount(), json.writeValueAsString(new TreeMap<>(counts)), user, closedAt, approver);
        sessions.storeClose(session);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("drawerId", drawerId);
        payload.put("sessionId", session.id().toString());
        payload.put("expectedCash", expected.toString());
        payload.put("countedCash", counted.toString());
        payload.put("variance", variance.toString());
        payload.put("result", session.result());
        payload.put("counts", new TreeMap<>(counts));
        payload.put("approvedBy", approver);
        journal.append(drawer.registerId(), "DRAWER_CLOSED", user, session.id().toString(), payload);
        events.publishEvent(new io.storedesk.pos.drawer.DrawerClosed(drawerId, drawer.registerId(),
                session.id().toString(), session.businessDate(), user, approver, closedAt, currency.getCurrencyCode(),
                expected.toString(), counted.toString(), variance.toString(), session.result()));
        return new Closed(drawerId, session.id(), session.businessDate().toString(), expected.toString(),
                counted.toString(), variance.toString(), session.result(), "CLOSED", user, approver);
    }

    /** A refused blind count: counted once more against the session and journaled, nothing else. */
    private void recordRefusedCount(DrawerInfo drawer, Money counted, Map<String, Integer> counts, String user,
            String refusal) {
        dayLock.holdForPosting(); // lock 1 (docs/locking.md)
        sessions.lockOpen(drawer.drawerId()).ifPresent(session -> { // lock 2
            session.refuseCount();
            sessions.storeRefusedCount(session);
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("drawerId", drawer.drawerId());
            payload.put("sessionId", session.id().toString());
            payload.put("attempt", session.refusedCounts());
            payload.put("countedCash", counted.toString());
            payload.put("counts", new TreeMap<>(counts));
            payload.put("refusal", refusal);
            journal.append(drawer.registerId(), "DRAWER_COUNT_REFUSED", user, session.id().toString(), payload);
        });
    }

    /**
     * Opens the drawer without a sale (the printer's drawer kick), journaled with who and why:
     * a no-sale open is a classic fraud signal, so each one is on record.
     */
    @Transactional
    public NoSale noSale(String drawerId, String reason, String user) {
        DrawerInfo drawer = drawers.drawerForOperation(drawerId);
        dayLock.holdForPosting(); // lock 1 (docs/locking.md); lockOpen below is lock 2
        DrawerSession session = sessions.lockOpen(drawerId).orElseThrow(() -> DrawerService.notOpen(drawerId));
        requireResponsible(session, user);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("drawerId", drawerId);
        payload.put("sessionId", session.id().toString());
        payload.put("reason", reason);
        var entry = journal.append(drawer.registerId(), "NO_SALE", user, session.id().toString(), payload);
        events.publishEvent(new io.storedesk.pos.drawer.NoSaleOpened(drawerId, drawer.registerId(), user, reason));
        return new NoSale(drawerId, session.id(), reason, user, entry.sequence(),
                OffsetDateTime.now(clock.withZone(ZoneOffset.UTC)));
    }

    private static void requireResponsible(DrawerSession session, String user) {
        if (!session.openedBy().equals(user) && !CurrentUser.hasRole(Role.MANAGER)) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "not-drawer-owner", "Not your drawer",
                    "Drawer %s is in %s's charge; only they or a manager may do this.".formatted(session.drawerId(),
                            session.openedBy()));
        }
    }

    record Movement(String drawerId, UUID sessionId, String type, String amount, String reason, String user,
            OffsetDateTime at) {
    }

    record NoSale(String drawerId, UUID sessionId, String reason, String user, long journalSequence,
            OffsetDateTime at) {
    }

    record Closed(String drawerId, UUID sessionId, String businessDate, String expectedCash, String countedCash,
            String variance, String result, String status, String closedBy, String approvedBy) {
    }
}
