package io.storedesk.pos.loyalty.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.storedesk.pos.common.Ids;
import io.storedesk.pos.common.Money;
import io.storedesk.pos.common.ProblemException;
import io.storedesk.pos.loyalty.LoyaltyProperties;
import io.storedesk.pos.sale.AppliedTender;
import io.storedesk.pos.sale.LedgerTender;
import io.storedesk.pos.sale.TenderRequest;
import io.storedesk.pos.sale.TenderType;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loyalty points as a tender ({@code {"type":"LOYALTY_POINTS","points":500}} on a sale with a
 * loyalty card): worth points x {@code pos.loyalty.point-value}. A card may spend at most its
 * balance, i.e. the last balance known from head office less this store's redemptions not yet
 * synced (plus the points earned and taken back here since): the offline rule of DESIGN.md.
 * The reference of the applied tender is the redemption's ledger entry id.
 */
@Component
class PointsTender implements LedgerTender {

    private final LoyaltyLedger ledger;
    private final LoyaltyProperties programme;
    private final Clock clock;

    PointsTender(LoyaltyLedger ledger, LoyaltyProperties programme, Clock clock) {
        this.ledger = ledger;
        this.programme = programme;
        this.clock = clock;
    }

    @Override
    public TenderType type() {
        return TenderType.LOYALTY_POINTS;
    }

    @Override
    @Transactional(readOnly = true)
    public Money quote(TenderRequest request, Money due) {
        int points = points(request);
        Account account = ledger.account(card(request)).orElseThrow(() -> LoyaltyService.unknownCard(request.loyaltyCard()));
        checkBalance(account, points);
        return value(points, due);
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public AppliedTender redeem(TenderRequest request, Money amount, String document, String user) {
        int points = points(request);
        Account account = ledger.lock(card(request)).orElseThrow(() -> LoyaltyService.unknownCard(request.loyaltyCard()));
        checkBalance(account, points);
        Money worth = worth(points, amount.currency());
        if (!amount.equals(worth)) {
            throw new IllegalArgumentException("%d points are worth %s, not %s".formatted(points, worth, amount));
        }
        Entry entry = ledger.append(new Entry(Ids.timeOrdered(), account.card(), EntryType.REDEEM, -points,
                amount.amount(), amount.currency().getCurrencyCode(), document, document, null, clock.instant(), null,
                user));
        return new AppliedTender(TenderType.LOYALTY_POINTS, amount, amount, entry.id().toString());
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void giveBack(String reference, Money amount, String document, String user) {
        Entry redemption = ledger.entry(UUID.fromString(reference)).filter(e -> e.type() == EntryType.REDEEM)
                .orElseThrow(() -> new IllegalArgumentException("no points redemption " + reference));
        ledger.lock(redemption.card());
        long redeemed = -redemption.points();
        long left = redeemed - ledger.givenBack(redemption.id());
        long points = amount.amount().compareTo(redemption.amount()) >= 0 ? redeemed
                : BigDecimal.valueOf(redeemed).multiply(amount.amount())
                        .divide(redemption.amount(), 0, RoundingMode.HALF_UP).longValueExact();
        points = Math.min(points, left);
        if (points <= 0) {
            return;
        }
        ledger.append(new Entry(Ids.timeOrdered(), redemption.card(), EntryType.REDEEM_RETURNED, points,
                amount.amount(), amount.currency().getCurrencyCode(), redemption.receiptNumber(), document,
                redemption.id(), clock.instant(), null, user));
    }

    private void checkBalance(Account account, int points) {
        long available = ledger.balance(account);
        if (points > available) {
            throw ProblemException.rule("loyalty-points-exceeded", "Not enough loyalty points",
                    "Card %s may redeem at most %d points now; %d were asked for.".formatted(account.card(),
                            Math.max(0, available), points))
                    .with("available", Math.max(0, available)).with("requested", points);
        }
    }

    private Money value(int points, Money due) {
        Money worth = worth(points, due.currency());
        if (worth.isGreaterThan(due)) {
            long most = due.amount().divide(programme.pointValue(), 0, RoundingMode.FLOOR).longValueExact();
            throw ProblemException.rule("loyalty-points-exceed-due", "More points than the sale needs",
                    "%d points are worth %s, more than the %s due; redeem at most %d points."
                            .formatted(points, worth, due, most))
                    .with("maxPoints", most);
        }
        return worth;
    }

    private Money worth(int points, java.util.Currency currency) {
        return Money.rounded(programme.pointValue().multiply(BigDecimal.valueOf(points)), currency);
    }

    private static int points(TenderRequest request) {
        if (request.points() == null || request.points() < 1) {
            throw ProblemException.badRequest("validation-failed", "Invalid request",
                    "A LOYALTY_POINTS tender needs points, a whole number of at least 1.")
                    .with("errors", List.of(Map.of("field", "points", "message", "must be at least 1")));
        }
        return request.points();
    }

    private static String card(TenderRequest request) {
        if (request.loyaltyCard() == null || request.loyaltyCard().isBlank()) {
            throw ProblemException.rule("loyalty-card-required", "Loyalty card required",
                    "Points can only be redeemed on a sale that names its loyalty card.");
        }
        return request.loyaltyCard();
    }
}
