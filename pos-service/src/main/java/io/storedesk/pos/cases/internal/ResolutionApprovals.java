package io.storedesk.pos.cases.internal;

import io.storedesk.pos.common.Money;
import io.storedesk.pos.common.StoreProperties;
import io.storedesk.pos.customer.CustomerProperties;
import io.storedesk.pos.identity.ApprovalRequest;
import io.storedesk.pos.identity.CurrentUser;
import io.storedesk.pos.identity.ManagerApprovals;
import io.storedesk.pos.identity.Role;
import org.springframework.stereotype.Component;

/** Decides whether resolving a case needs a manager's approval, and checks the approval given. */
@Component
class ResolutionApprovals {

    private final ManagerApprovals approvals;
    private final CustomerProperties properties;
    private final StoreProperties store;

    ResolutionApprovals(ManagerApprovals approvals, CustomerProperties properties, StoreProperties store) {
        this.approvals = approvals;
        this.properties = properties;
        this.store = store;
    }

    /**
     * An escalated case is resolved by a manager (a clerk needs a manager's approval); goodwill above
     * {@code pos.customer.goodwill-approval-limit} always needs the approval of a manager other than the user,
     * and so does goodwill that takes the customer's goodwill over {@code pos.customer.goodwill-window}
     * ({@code earlier}, decided under the customer's lock) above that limit.
     */
    String check(CaseStore.Row row, Money amount, Money earlier, ApprovalRequest approval, String user) {
        Money limit = Money.of(properties.goodwillApprovalLimit(), store.currency());
        boolean overLimit = amount != null && amount.isGreaterThan(limit);
        boolean customerOverLimit = amount != null && earlier != null && earlier.plus(amount).isGreaterThan(limit);
        boolean escalated = row.status() == CaseStatus.ESCALATED && !CurrentUser.hasRole(Role.MANAGER);
        if (overLimit) {
            return approvals.require(approval, "goodwill-above-limit", user, "Goodwill of %s is above %s: a manager must approve it."
                    .formatted(amount, limit)).manager();
        }
        if (customerOverLimit) {
            return approvals.require(approval, "goodwill-above-limit", user,
                    "This customer got %s of goodwill in the last %d days; %s more is above %s: a manager must approve it."
                            .formatted(earlier, properties.goodwillWindow().toDays(), amount, limit)).manager();
        }
        if (escalated) {
            return approvals.require(approval, "escalated-case-resolution", user,
                    "Case %s is escalated: a manager resolves it or approves the resolution."
                            .formatted(row.view().caseNumber())).manager();
        }
        return null;
    }
}
