package io.storedesk.pos.cases.internal;

import java.util.EnumSet;
import java.util.Set;

import io.storedesk.pos.common.ProblemException;

/** Where a service case stands: OPEN -> IN_PROGRESS -> ESCALATED -> RESOLVED -> CLOSED. */
enum CaseStatus {
    OPEN, IN_PROGRESS, ESCALATED, RESOLVED, CLOSED;

    private static final Set<CaseStatus> ACTIVE = EnumSet.of(OPEN, IN_PROGRESS, ESCALATED);

    boolean active() {
        return ACTIVE.contains(this);
    }

    /** Refuses (409) a step this status does not allow. */
    void require(Set<CaseStatus> allowed, String caseNumber, String step) {
        if (!allowed.contains(this)) {
            throw ProblemException.conflict("invalid-case-transition", "Not possible in this status",
                    "Case %s is %s; it cannot be %s now.".formatted(caseNumber, this, step))
                    .with("status", name());
        }
    }

    static Set<CaseStatus> activeOr(CaseStatus... more) {
        EnumSet<CaseStatus> s = EnumSet.copyOf(ACTIVE);
        s.addAll(Set.of(more));
        return s;
    }
}
