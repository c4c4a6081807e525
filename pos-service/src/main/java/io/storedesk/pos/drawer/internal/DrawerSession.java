package io.storedesk.pos.drawer.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One drawer's session, from open to close. While open, {@code openMarker} holds the drawer id,
 * which a unique index allows once: a drawer cannot be open twice.
 */
@Entity
@Table(name = "drawer_session")
class DrawerSession {

    enum Status { OPEN, CLOSED }

    @Id
    private UUID id;
    @Column(name = "drawer_id")
    private String drawerId;
    @Column(name = "register_id")
    private String registerId;
    @Column(name = "open_marker")
    private String openMarker;
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    private Status status;
    private String currency;
    @Column(name = "business_date")
    private LocalDate businessDate;
    @Column(name = "opened_by")
    private String openedBy;
    @Column(name = "opened_at")
    private Instant openedAt;
    @Column(name = "opening_float")
    private BigDecimal openingFloat;
    @Column(name = "float_counts")
    private String floatCounts;
    @Column(name = "expected_cash")
    private BigDecimal expectedCash;
    @Column(name = "posting_count")
    private long postingCount;
    @Column(name = "closed_by")
    private String closedBy;
    @Column(name = "closed_at")
    private Instant closedAt;
    @Column(name = "counted_cash")
    private BigDecimal countedCash;
    @Column(name = "counted_counts")
    private String countedCounts;
    @Column(name = "closing_expected")
    private BigDecimal closingExpected;
    private BigDecimal variance;
    private String result;
    @Column(name = "approved_by")
    private String approvedBy;
    @Column(name = "refused_counts")
    private int refusedCounts;

    protected DrawerSession() {
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
}
