package io.storedesk.pos.loyalty.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.storedesk.pos.common.Ids;
import io.storedesk.pos.journal.Journal;
import io.storedesk.pos.loyalty.LoyaltyProperties;
import io.storedesk.pos.returns.ReturnCompleted;
import io.storedesk.pos.returns.ReturnView;
import io.storedesk.pos.sale.SaleView;
import io.storedesk.pos.sale.SaleVoided;
import io.storedesk.pos.sale.Sales;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Takes earned points back when their sale is returned (in proportion to the eligible net
 * refunded, never more than was earned) or voided (all that is left of them). Redeemed points
 * are given back through {@link PointsTender#giveBack} by the void or return itself.
 *
 * <p>Plain synchronous {@link EventListener}s on purpose, not {@code @ApplicationModuleListener}:
 * they run inside the return's or void's transaction, so the points go when the goods come
 * back, or not at all. After commit there would be a window in which the customer could still
 * spend points whose sale was already refunded, at another register or on another sale. The
 * entries are journaled on the same register chain the return or void is journaled on, which
 * that transaction already holds, so no second journal chain is locked.
 */
@Component
class PointsReversals {

    private final LoyaltyLedger ledger;
    private final Sales sales;
    private final PointsRules rules;
    private final Journal journal;
    private final Clock clock;

    PointsReversals(LoyaltyLedger ledger, Sales sales, LoyaltyProperties programme, Journal journal, Clock clock) {
        this.ledger = ledger;
        this.sales = sales;
        this.rules = new PointsRules(programme);
        this.journal = journal;
        this.clock = clock;
    }

    @EventListener
    void on(ReturnCompleted returned) {
        Optional<Entry> earned = earnOf(returned.receiptNumber());
        if (earned.isEmpty()) {
            return;
        }
        SaleView sale = sales.find(returned.receiptNumber()).orElseThrow();
        Map<Integer, SaleView.Line> sold = sale.lines().stream()
                .collect(Collectors.toMap(SaleView.Line::lineNo, Function.identity()));
        List<SaleView.Line> refundedLines = returned.lines().stream()
                .map(l -> refundedPart(sold.get(l.lineNo()), l)).toList();
        BigDecimal refundedNet = rules.eligibleNet(refundedLines);
        reverse(earned.get(), refundedNet, false, returned.returnNumber(), returned.registerId(), returned.clerk());
    }

    @EventListener
    void on(SaleVoided voided) {
        earnOf(voided.receiptNumber()).ifPresent(e -> reverse(e, null, true, voided.receiptNumber() + "-VOID",
                voided.registerId(), voided.voidedBy()));
    }

    private Optional<Entry> earnOf(String receiptNumber) {
        return ledger.ofSale(receiptNumber, EntryType.EARN).stream().findFirst();
    }

    /** @param refundedNet the eligible net refunded now; null = all that is left (void) */
    private void reverse(Entry earn, BigDecimal refundedNet, boolean all, String document, String registerId,
            String user) {
        ledger.lock(earn.card());
        List<Entry> before = ledger.ofSale(earn.receiptNumber(), EntryType.EARN_REVERSED);
        long reversedBefore = -before.stream().mapToLong(Entry::points).sum();
        BigDecimal netBefore = before.stream().map(Entry::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        long points = all ? earn.points() - reversedBefore
                : PointsRules.reversal(earn.points(), earn.amount(), reversedBefore, netBefore, refundedNet);
        BigDecimal net = all ? earn.amount().subtract(netBefore) : refundedNet;
        if (points <= 0) {
            return;
        }
        ledger.append(new Entry(Ids.timeOrdered(), earn.card(), EntryType.EARN_REVERSED, -points, net,
                earn.currency(), earn.receiptNumber(), document, null, clock.instant(), earn.expiresAt(), user));
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("card", earn.card());
        payload.put("receiptNumber", earn.receiptNumber());
        payload.put("points", points);
        payload.put("eligibleNet", net.toPlainString());
        journal.append(registerId, "LOYALTY_POINTS_REVERSED", user, document, payload);
    }

    /** The sold line as far as it was refunded now: its department, with the refund as its net. */
    private static SaleView.Line refundedPart(SaleView.Line sold, ReturnView.Line returned) {
        return new SaleView.Line(sold.lineNo(), sold.sku(), sold.name(), sold.department(), returned.quantity(),
                sold.unitPrice(), "0", returned.refund(), "0", sold.taxRate(), sold.taxLetter(), 0);
    }
}
