package io.storedesk.pos.returns.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import io.storedesk.pos.common.Money;
import io.storedesk.pos.common.ProblemException;
import io.storedesk.pos.common.StoreProperties;
import io.storedesk.pos.identity.ApprovalRequest;
import io.storedesk.pos.identity.ManagerApprovals;
import io.storedesk.pos.returns.ReturnsProperties;
import io.storedesk.pos.sale.SaleView;
import org.springframework.stereotype.Component;

/**
 * The return policy: the return window, departments not taken back and the cash-refund limit.
 * A return breaking a rule is refused with 422 naming the first rule broken (and listing all of
 * them), unless a manager approves; one approval covers every rule the return breaks.
 */
@Component
class ReturnPolicy {

    private final ReturnsProperties policy;
    private final ManagerApprovals approvals;
    private final StoreProperties store;
    private final Clock clock;
    private final ReturnStore returns;

    ReturnPolicy(ReturnsProperties policy, ManagerApprovals approvals, StoreProperties store, Clock clock,
            ReturnStore returns) {
        this.returns = returns;
        this.policy = policy;
        this.approvals = approvals;
        this.store = store;
        this.clock = clock;
    }

    private record Breach(String rule, String title, String why) {
    }

    /** @return the approving manager, or null when the return is within the policy */
    String check(SaleView sale, RefundPlan plan, ApprovalRequest approval, String clerk) {
        return approve(breaches(sale, plan), approval, clerk, lastDay(sale));
    }

    /**
     * The policy again, in the recording transaction under the sale's lock: a return that was
     * within the policy when it was checked and no longer is (another return of the sale or the
     * customer committed meanwhile) is refused as it would have been; one a manager approved stays
     * approved (the approval covers every rule).
     */
    void recheck(SaleView sale, RefundPlan plan, String approvedBy) {
        if (approvedBy == null) {
            approve(breaches(sale, plan), null, null, lastDay(sale));
        }
    }

    private LocalDate lastDay(SaleView sale) {
        return sale.businessDate().plusDays(policy.windowDays());
    }

    private List<Breach> breaches(SaleView sale, RefundPlan plan) {
        List<Breach> breaches = new ArrayList<>();
        LocalDate lastDay = lastDay(sale);
        if (store.today(clock).isAfter(lastDay)) {
            breaches.add(new Breach("return-window-expired", "Return window expired",
                    "Sale %s was on %s; returns are taken up to %d days after the sale (until %s)."
                            .formatted(sale.receiptNumber(), sale.businessDate(), policy.windowDays(), lastDay)));
        }
        for (RefundPlan.Line l : plan.lines()) {
            sale.lines().stream().filter(s -> s.lineNo() == l.lineNo()).findFirst()
                    .filter(s -> policy.nonReturnableDepartments().contains(s.department()))
                    .ifPresent(s -> breaches.add(departmentBreach(s.name(), s.department())));
        }
        cashBreach(sale, plan.cash()).ifPresent(breaches::add);
        return breaches;
    }

    private Breach departmentBreach(String name, String department) {
        return new Breach("department-not-returnable", "Department not returnable",
                "%s (%s) is not taken back: goods of department %s are not returnable.".formatted(name, department,
                        department));
    }

    /**
     * The cash-refund limit holds for this return, for all the cash refunded for the sale, and for
     * all the cash refunded to the sale's customer (its loyalty card) over the configured window, so
     * that several small returns cannot get around it. The caller holds the sale's lock and the
     * customer's (locks 4 and 5 of docs/locking.md) when it decides.
     */
    private java.util.Optional<Breach> cashBreach(SaleView sale, Money cash) {
        if (policy.cashRefundLimit() == null || !cash.isPositive()) {
            return java.util.Optional.empty();
        }
        Money limit = Money.of(policy.cashRefundLimit(), cash.currency());
        if (cash.isGreaterThan(limit)) {
            return java.util.Optional.of(new Breach("cash-refund-limit", "Cash refund limit",
                    "The cash refund of %s is over the limit of %s; refund as store credit, or a manager may approve it."
                            .formatted(cash, limit)));
        }
        Money forSale = returns.earlierCash(sale.receiptNumber(), cash.currency()).paid().plus(cash);
        if (forSale.isGreaterThan(limit)) {
            return java.util.Optional.of(new Breach("cash-refund-limit", "Cash refund limit",
                    "Sale %s would get %s back in cash in all, over the limit of %s; refund as store credit, or a manager may approve it."
                            .formatted(sale.receiptNumber(), forSale, limit)));
        }
        if (sale.loyaltyCard() != null) {
            LocalDate since = store.today(clock).minusDays(Math.max(0, policy.cashRefundWindow().toDays() - 1));
            Money forCustomer = returns.cashRefundedToCustomer(sale.loyaltyCard(), since, cash.currency()).plus(cash);
            if (forCustomer.isGreaterThan(limit)) {
                return java.util.Optional.of(new Breach("cash-refund-limit", "Cash refund limit",
                        "This customer would get %s back in cash since %s, over the limit of %s; refund as store credit, or a manager may approve it."
                                .formatted(forCustomer, since, limit)));
            }
        }
        return java.util.Optional.empty();
    }

    private String approve(List<Breach> breaches, ApprovalRequest approval, String clerk, LocalDate lastDay) {
        if (breaches.isEmpty()) {
            return null;
        }
        String why = String.join(" ", breaches.stream().map(Breach::why).toList());
        Breach first = breaches.get(0);
        if (approval == null) {
            ProblemException problem = ProblemException.rule(first.rule(), first.title(), why + " A manager may approve it.")
                    .with("rules", breaches.stream().map(Breach::rule).toList());
            throw breaches.stream().anyMatch(b -> b.rule().equals("return-window-expired"))
                    ? problem.with("lastDay", lastDay.toString()) : problem;
        }
        return approvals.require(approval, first.rule(), clerk, why).manager();
    }
}
