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
import io.storedesk.pos.common.ProblemException;
import io.storedesk.pos.journal.Journal;
import io.storedesk.pos.loyalty.LoyaltyProperties;
import io.storedesk.pos.returns.EarnedPointsSpent;
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
class PointsReversals implements EarnedPointsSpent {

    private final LoyaltyLedger ledger;
    private final Sales sales;
    private final PointsRules rules;
    private final Journal journal;
    private final Clock clock;
    private final LoyaltyProperties programme;

    PointsReversals(LoyaltyLedger ledger, Sales sales, LoyaltyProperties programme, Journal journal, Clock clock) {
        this.programme = programme;
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
        BigDecimal refundedNet = refundedNet(returned.receiptNumber(), returned.lines().stream()
                .collect(Collectors.toMap(ReturnView.Line::lineNo, ReturnView.Line::refundAmount)));
        reverse(earned.get(), refundedNet, false, returned.returnNumber(), returned.registerId(), returned.clerk());
        if (returned.earnedPointsSpent() > 0) {
            repaid(earned.get(), returned);
        }
    }

    /**
     * The points a return of these lines would take back beyond the card's balance (under the
     * card's lock when asked): they were spent, so the return keeps their value back from the
     * refund. Points the same return gives back (a sale paid partly with points) are not counted
     * against it: the card keeps them.
     */
    @Override
    public Shortfall shortfall(String receiptNumber, Map<Integer, BigDecimal> refunds, boolean lock) {
        Optional<Entry> earned = earnOf(receiptNumber);
        if (earned.isEmpty()) {
            return Shortfall.NONE;
        }
        Entry earn = earned.get();
        Optional<Account> account = lock ? ledger.lock(earn.card()) : ledger.account(earn.card()); // lock 7
        if (account.isEmpty()) {
            return Shortfall.NONE;
        }
        long points = toReverse(earn, refundedNet(receiptNumber, refunds), false);
        long balance = Math.max(0, ledger.balance(account.get()));
        long short_ = points - balance;
        if (short_ <= 0) {
            return Shortfall.NONE;
        }
        int digits = java.util.Currency.getInstance(earn.currency()).getDefaultFractionDigits();
        return new Shortfall(short_, programme.pointValue().multiply(BigDecimal.valueOf(short_))
                .setScale(digits, java.math.RoundingMode.HALF_UP));
    }

    /** Books the points the return took back beyond the balance as repaid by money kept from the refund. */
    private void repaid(Entry earn, ReturnCompleted returned) {
        long points = returned.earnedPointsSpent();
        BigDecimal value = returned.pointsSpentAmount().negate();
        ledger.append(new Entry(Ids.timeOrdered(), earn.card(), EntryType.EARN_REPAID, points, value,
                earn.currency(), earn.receiptNumber(), returned.returnNumber(), null, clock.instant(), null,
                returned.clerk()));
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("card", earn.card());
        payload.put("receiptNumber", earn.receiptNumber());
        payload.put("points", points);
        payload.put("keptFromRefund", value.toPlainString());
        journal.append(returned.registerId(), "LOYALTY_POINTS_REPAID", returned.clerk(), returned.returnNumber(),
                payload);
    }

    /** The eligible net of the sale's lines as far as they are refunded now (line number -> refund). */
    private BigDecimal refundedNet(String receiptNumber, Map<Integer, BigDecimal> refunds) {
        SaleView sale = sales.find(receiptNumber).orElseThrow();
        Map<Integer, SaleView.Line> sold = sale.lines().stream()
                .collect(Collectors.toMap(SaleView.Line::lineNo, Function.identity()));
        List<SaleView.Line> refundedLines = refunds.entrySet().stream()
                .map(e -> refundedPart(sold.get(e.getKey()), e.getValue())).toList();
        return rules.eligibleNet(refundedLines);
    }

    /**
     * A post-void takes back every point the sale earned, in the void's transaction. If the card no
     * longer holds them (they were spent), the void is refused: a void gives the whole payment back
     * and cannot keep their value, and the balance never goes below zero. A return keeps their value
     * back from the refund instead (issue 22, finding 7).
     */
    @EventListener
    void on(SaleVoided voided) {
        earnOf(voided.receiptNumber()).ifPresent(e -> {
            Optional<Account> account = ledger.lock(e.card()); // lock 7 (docs/locking.md)
            long points = toReverse(e, null, true);
            long balance = account.map(a -> Math.max(0, ledger.balance(a))).orElse(0L);
            if (points > balance) {
                throw ProblemException.rule("points-already-spent", "Earned points already spent",
                        ("Sale %s earned %d points and the card holds only %d now: they were spent, so the sale"
                                + " cannot be voided. Take a return instead; it keeps the value of the spent points"
                                + " back from the refund.").formatted(voided.receiptNumber(), points, balance))
                        .with("pointsEarned", points).with("balance", balance);
            }
            reverse(e, null, true, voided.receiptNumber() + "-VOID", voided.registerId(), voided.voidedBy());
        });
    }

    private Optional<Entry> earnOf(String receiptNumber) {
        return ledger.ofSale(receiptNumber, EntryType.EARN).stream().findFirst();
    }

    /** @param refundedNet the eligible net refunded now; null = all that is left (void) */
    private void reverse(Entry earn, BigDecimal refundedNet, boolean all, String document, String registerId,
            String user) {
        ledger.lock(earn.card()); // lock 7 (docs/locking.md)
        long points = toReverse(earn, refundedNet, all);
        BigDecimal net = all ? earn.amount().subtract(netBefore(earn)) : refundedNet;
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

    private long toReverse(Entry earn, BigDecimal refundedNet, boolean all) {
        List<Entry> before = ledger.ofSale(earn.receiptNumber(), EntryType.EARN_REVERSED);
        long reversedBefore = -before.stream().mapToLong(Entry::points).sum();
        return all ? earn.points() - reversedBefore
                : PointsRules.reversal(earn.points(), earn.amount(), reversedBefore, netBefore(earn), refundedNet);
    }

    private BigDecimal netBefore(Entry earn) {
        return ledger.ofSale(earn.receiptNumber(), EntryType.EARN_REVERSED).stream().map(Entry::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** The sold line as far as it was refunded now: its department, with the refund as its net. */
    private static SaleView.Line refundedPart(SaleView.Line sold, BigDecimal refund) {
        return new SaleView.Line(sold.lineNo(), sold.sku(), sold.name(), sold.department(), sold.quantity(),
                sold.unitPrice(), "0", refund.toPlainString(), "0", sold.taxRate(), sold.taxLetter(), 0);
    }
}
