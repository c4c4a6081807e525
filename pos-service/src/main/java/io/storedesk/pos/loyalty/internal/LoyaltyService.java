package io.storedesk.pos.loyalty.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.storedesk.pos.common.Ids;
import io.storedesk.pos.common.ProblemException;
import io.storedesk.pos.journal.Journal;
import io.storedesk.pos.loyalty.LoyaltyAccounts;
import io.storedesk.pos.loyalty.LoyaltyProperties;
import io.storedesk.pos.sale.PointsAward;
import io.storedesk.pos.sale.SaleView;
import io.storedesk.pos.sale.TenderType;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Balances of cards, snapshots from head office, and the points a sale earns (written to the
 * ledger and journaled on the sale's register chain in the sale's own transaction).
 */
@Service
class LoyaltyService implements LoyaltyAccounts, PointsAward {

    private final LoyaltyLedger ledger;
    private final LoyaltyProperties programme;
    private final PointsRules rules;
    private final Journal journal;

    LoyaltyService(LoyaltyLedger ledger, LoyaltyProperties programme, Journal journal) {
        this.ledger = ledger;
        this.programme = programme;
        this.rules = new PointsRules(programme);
        this.journal = journal;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<LoyaltyBalance> find(String card) {
        return ledger.account(card).map(a -> new LoyaltyBalance(a.card(), a.customerId(), a.holderName(), a.tier(),
                ledger.balance(a), ledger.pendingRedemptions(a.card()), a.snapshotAt().atOffset(ZoneOffset.UTC)));
    }

    @Override
    @Transactional(readOnly = true)
    public java.util.List<LoyaltyBalance> ofCustomer(String customerId) {
        return ledger.cardsOf(customerId).stream().map(this::find).flatMap(Optional::stream).toList();
    }

    @Override
    @Transactional
    public void importSnapshot(Snapshot s) {
        ledger.saveSnapshot(account(s), s.version(), true);
    }

    @Override
    @Transactional
    public boolean importPulledSnapshot(Snapshot s, Instant acknowledgedBy) {
        if (!ledger.saveSnapshot(account(s), s.version(), false)) {
            return false;
        }
        ledger.markInSnapshot(s.card(), acknowledgedBy);
        return true;
    }

    private static Account account(Snapshot s) {
        return new Account(s.card(), s.customerId(), s.holderName(), s.tier(), s.balance(), s.asOf().toInstant());
    }

    @Override
    @Transactional
    public void markSynced(java.util.Collection<String> entryIds, Instant acknowledgedAt) {
        if (!entryIds.isEmpty()) {
            ledger.markSynced(entryIds.stream().map(UUID::fromString).toList(), acknowledgedAt);
        }
    }

    @Override
    @Transactional(readOnly = true)
    public java.util.List<String> cardsAwaitingSnapshot(Instant acknowledgedBy) {
        return ledger.cardsAwaitingSnapshot(acknowledgedBy);
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public int award(SaleView sale) {
        if (sale.loyaltyCard() == null) {
            return 0;
        }
        Account account = ledger.account(sale.loyaltyCard()).orElseThrow(() -> unknownCard(sale.loyaltyCard()));
        BigDecimal paidByPoints = sale.tenders().stream()
                .filter(t -> TenderType.LOYALTY_POINTS.name().equals(t.type()))
                .map(SaleView.Tender::paidAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal eligibleNet = rules.eligibleNet(sale.lines());
        long points = rules.earned(eligibleNet, sale.totalAmount(), paidByPoints, account.tier());
        long redeemed = -ledger.ofSale(sale.receiptNumber(), EntryType.REDEEM).stream().mapToLong(Entry::points).sum();
        if (points > 0) {
            Instant at = sale.completedAt().toInstant();
            ledger.append(new Entry(Ids.timeOrdered(), account.card(), EntryType.EARN, points, eligibleNet,
                    sale.currency(), sale.receiptNumber(), sale.receiptNumber(), null, at,
                    at.atOffset(ZoneOffset.UTC).plusMonths(programme.expiryMonths()).toInstant(), sale.clerk()));
        }
        if (points > 0 || redeemed > 0) {
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("card", account.card());
            payload.put("earned", points);
            payload.put("eligibleNet", eligibleNet.toPlainString());
            payload.put("redeemed", redeemed);
            journal.append(sale.registerId(), "LOYALTY_POINTS_POSTED", sale.clerk(), sale.receiptNumber(), payload);
        }
        return Math.toIntExact(points);
    }

    static ProblemException unknownCard(String card) {
        return ProblemException.rule("unknown-loyalty-card", "Unknown loyalty card",
                "There is no loyalty account for card %s at this store.".formatted(card)).with("card", card);
    }
}
