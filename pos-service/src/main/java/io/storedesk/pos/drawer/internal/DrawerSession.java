package io.storedesk.pos.drawer.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.UUID;

import io.storedesk.pos.common.Money;
import io.storedesk.pos.common.ProblemException;
import io.storedesk.pos.drawer.PostingType;

/**
 * One drawer's session, from open to close. While open, {@code openMarker} holds the drawer id,
 * which a unique index allows once: a drawer cannot be open twice. The session owns its expected
 * cash: every cash posting goes through {@link #post}, which refuses to take out more than the
 * drawer should hold. {@link DrawerSessionRepository} loads and stores it, with JDBC only (ADR 0006).
 */
class DrawerSession {

    enum Status { OPEN, CLOSED }

    private UUID id;
    private String drawerId;
    private String registerId;
    private String openMarker;
    private Status status;
    private String currency;
    private LocalDate businessDate;
    private String openedBy;
    private Instant openedAt;
    private BigDecimal openingFloat;
    private String floatCounts;
    private BigDecimal expectedCash;
    private long postingCount;
    private String closedBy;
    private Instant closedAt;
    private BigDecimal countedCash;
    private String countedCounts;
    private BigDecimal closingExpected;
    private BigDecimal variance;
    private String result;
    private String approvedBy;
    private int refusedCounts;

    private DrawerSession() {
    }

    /** A session as stored (see {@link DrawerSessionRepository}). */
    DrawerSession(UUID id, String drawerId, String registerId, String openMarker, Status status, String currency,
            LocalDate businessDate, String openedBy, Instant openedAt, BigDecimal openingFloat, String floatCounts,
            BigDecimal expectedCash, long postingCount, String closedBy, Instant closedAt, BigDecimal countedCash,
            String countedCounts, BigDecimal closingExpected, BigDecimal variance, String result, String approvedBy,
            int refusedCounts) {
        this.id = id;
        this.drawerId = drawerId;
        this.registerId = registerId;
        this.openMarker = openMarker;
        this.status = status;
        this.currency = currency;
        this.businessDate = businessDate;
        this.openedBy = openedBy;
        this.openedAt = openedAt;
        this.openingFloat = openingFloat;
        this.floatCounts = floatCounts;
        this.expectedCash = expectedCash;
        this.postingCount = postingCount;
        this.closedBy = closedBy;
        this.closedAt = closedAt;
        this.countedCash = countedCash;
        this.countedCounts = countedCounts;
        this.closingExpected = closingExpected;
        this.variance = variance;
        this.result = result;
        this.approvedBy = approvedBy;
        this.refusedCounts = refusedCounts;
    }

    static DrawerSession open(String drawerId, String registerId, String currency, LocalDate businessDate,
            String user, Instant at, BigDecimal openingFloat, String floatCounts) {
        DrawerSession s = new DrawerSession();
        s.id = UUID.randomUUID();
        s.drawerId = drawerId;
        s.registerId = registerId;
        s.openMarker = drawerId;
        s.status = Status.OPEN;
        s.currency = currency;
        s.businessDate = businessDate;
        s.openedBy = user;
        s.openedAt = at;
        s.openingFloat = openingFloat;
        s.floatCounts = floatCounts;
        s.expectedCash = openingFloat;
        s.postingCount = 0;
        return s;
    }

    /**
     * Books a cash posting (signed: money in positive, money out negative) into the expected cash. A cash
     * movement that takes money out (paid-out, safe drop, pick-up) may not take more than the drawer should hold
     * (422 {@code insufficient-cash}); a document's refund may (the drawer then shows a shortfall at its count).
     * Called under the drawer's lock (lock 2 of docs/locking.md), on the session as loaded under it.
     */
    void post(PostingType type, Money amount) {
        if (status != Status.OPEN) {
            throw new IllegalStateException("drawer session " + id + " is closed");
        }
        if (takesCashOut(type) && amount.isNegative()) {
            requireCash(amount.negate());
        }
        this.expectedCash = expectedCash.add(amount.amount());
        this.postingCount++;
    }

    /** Refuses (422 {@code insufficient-cash}) to take {@code amount} out when the drawer should hold less. */
    void requireCash(Money amount) {
        Money expected = Money.rounded(expectedCash, Currency.getInstance(currency));
        if (amount.isGreaterThan(expected)) {
            throw ProblemException.rule("insufficient-cash", "Not enough cash in the drawer",
                    "Drawer %s should hold %s; %s cannot be taken out.".formatted(drawerId, expected, amount));
        }
    }

    private static boolean takesCashOut(PostingType type) {
        return type == PostingType.PAID_OUT || type == PostingType.SAFE_DROP || type == PostingType.PICKUP;
    }

    /** A blind count refused: a recount now needs a manager. */
    void refuseCount() {
        if (status != Status.OPEN) {
            throw new IllegalStateException("drawer session " + id + " is closed");
        }
        this.refusedCounts++;
    }

    /**
     * Closes the session with a blind count: the expected cash is fixed at this moment and the
     * session can take no more postings.
     */
    void close(BigDecimal counted, String counts, String user, Instant at, String approver) {
        if (status != Status.OPEN) {
            throw new IllegalStateException("drawer session " + id + " is already closed");
        }
        this.status = Status.CLOSED;
        this.openMarker = null;
        this.countedCash = counted;
        this.countedCounts = counts;
        this.closingExpected = expectedCash;
        this.variance = counted.subtract(expectedCash);
        this.result = variance.signum() == 0 ? "BALANCED" : variance.signum() > 0 ? "OVER" : "SHORT";
        this.closedBy = user;
        this.closedAt = at;
        this.approvedBy = approver;
    }

    BigDecimal expectedCash() {
        return expectedCash;
    }

    BigDecimal countedCash() {
        return countedCash;
    }

    BigDecimal variance() {
        return variance;
    }

    String result() {
        return result;
    }

    String closedBy() {
        return closedBy;
    }

    Instant closedAt() {
        return closedAt;
    }

    String approvedBy() {
        return approvedBy;
    }

    /** Blind counts of this session refused so far: after one, a recount needs a manager. */
    int refusedCounts() {
        return refusedCounts;
    }

    UUID id() {
        return id;
    }

    String drawerId() {
        return drawerId;
    }

    String registerId() {
        return registerId;
    }

    Status status() {
        return status;
    }

    String currency() {
        return currency;
    }

    String openedBy() {
        return openedBy;
    }

    Instant openedAt() {
        return openedAt;
    }

    BigDecimal openingFloat() {
        return openingFloat;
    }

    LocalDate businessDate() {
        return businessDate;
    }

    String openMarker() {
        return openMarker;
    }

    String floatCounts() {
        return floatCounts;
    }

    long postingCount() {
        return postingCount;
    }

    String countedCounts() {
        return countedCounts;
    }

    BigDecimal closingExpected() {
        return closingExpected;
    }
}
