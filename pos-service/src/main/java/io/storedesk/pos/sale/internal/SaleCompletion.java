package io.storedesk.pos.sale.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import io.storedesk.pos.common.Compensated;
import io.storedesk.pos.common.Idempotency;
import io.storedesk.pos.common.IdempotentResult;
import io.storedesk.pos.common.Money;
import io.storedesk.pos.common.RegisterCounters;
import io.storedesk.pos.common.StoreProperties;
import io.storedesk.pos.drawer.CashDrawers;
import io.storedesk.pos.drawer.CashPosting;
import io.storedesk.pos.drawer.DrawerInfo;
import io.storedesk.pos.drawer.PostingType;
import io.storedesk.pos.sale.AppliedTender;
import io.storedesk.pos.sale.PricedBasket;
import io.storedesk.pos.sale.SaleOrder;
import io.storedesk.pos.sale.SaleView;
import io.storedesk.pos.sale.Settlement;
import io.storedesk.pos.sale.TenderRequest;
import io.storedesk.pos.sale.TenderType;
import org.springframework.stereotype.Service;

/**
 * Completes sales (and the new half of an exchange): prices the basket, settles the tenders, books cash into the
 * drawer, takes the register's next receipt number, stores the sale and journals it, all in one transaction under
 * the register's lock, at most once per Idempotency-Key.
 */
@Service
class SaleCompletion {

    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private final SalePricing pricing;
    private final Tendering tendering;
    private final CashDrawers drawers;
    private final RegisterLocks locks;
    private final RegisterCounters counters;
    private final Idempotency idempotency;
    private final SaleBooks books;
    private final StoreProperties store;
    private final Clock clock;

    SaleCompletion(SalePricing pricing, Tendering tendering, CashDrawers drawers, RegisterLocks locks,
            RegisterCounters counters, Idempotency idempotency, SaleBooks books, StoreProperties store, Clock clock) {
        this.pricing = pricing;
        this.tendering = tendering;
        this.drawers = drawers;
        this.locks = locks;
        this.counters = counters;
        this.idempotency = idempotency;
        this.books = books;
        this.store = store;
        this.clock = clock;
    }

    /**
     * Under the register's lock: a repeat is answered from the stored result before anything
     * else; the basket and tenders are checked before any card is charged; cards are charged
     * outside the database transaction; if the sale then cannot be stored, or another request
     * with the same key won, the cards are reversed.
     */
    IdempotentResult<SaleView> complete(SaleRequests.Sale request, String idempotencyKey, String clerk) {
        SaleOrder.Exchange order = new SaleOrder.Exchange(request.drawerId(), request.lines(), request.loyaltyCard(),
                request.coupons(), request.tenders(), request.discount(), request.approval(), request.ageCheck(),
                request.taxExemption());
        return complete("sale", null, order, null, new Object[] {clerk, request}, idempotencyKey, clerk, SaleView.class,
                view -> view);
    }

    /** See {@link io.storedesk.pos.sale.Sales#completeExchange}. */
    <R> IdempotentResult<R> completeExchange(Runnable lockOriginal, SaleOrder.Exchange order,
            AppliedTender credit, String idempotencyKey, Object fingerprint, String clerk, Class<R> resultType,
            Function<SaleView, R> alsoRecord) {
        return complete("exchange", lockOriginal, order, credit, fingerprint, idempotencyKey, clerk, resultType, alsoRecord);
    }

    private <R> IdempotentResult<R> complete(String scope, Runnable lockOriginal, SaleOrder.Exchange order, AppliedTender credit,
            Object fingerprint, String idempotencyKey, String clerk, Class<R> resultType, Function<SaleView, R> alsoRecord) {
        DrawerInfo drawer = drawers.drawerForOperation(order.drawerId());
        return locks.withLock(drawer.registerId(), () -> {
            var earlier = idempotency.find(scope, idempotencyKey, fingerprint, resultType);
            if (earlier.isPresent()) {
                return earlier.get();
            }
            SaleOrder.TaxExemption exemption = pricing.readExemption(order.taxExemption());
            PricedBasket quoted = pricing.approve(pricing.quote(order.lines(), order.loyaltyCard(), order.coupons(),
                    order.discount()), order.approval(), clerk); // before any card is charged
            PricedBasket basket = pricing.exempt(quoted, exemption); // its line numbers checked before the approval
            TaxExemptionGranted granted = exemption == null ? null : new TaxExemptionGranted(exemption,
                    pricing.approveExemption(exemption, order.approval(), clerk), // so is the exemption's approval
                    quoted.taxTotal().minus(basket.taxTotal()), pricing.exemptLines(quoted, exemption));
            // so is the age check, on the drawer's business day
            Map<String, Object> ageCheck = pricing.requireAge(basket, order.ageCheck(), drawer.drawerId(), clerk);
            GiftCardLines.requireNotPaidByGiftCard(basket.lines(), order.tenders());
            List<Tendering.LedgerPart> credits = credit == null ? List.of()
                    : List.of(new Tendering.LedgerPart(new TenderRequest(credit.type(), credit.amount(),
                            credit.reference(), null, order.loyaltyCard()), credit.amount()));
            Tendering.Plan plan = tendering.plan(basket.total(), order.tenders() == null ? List.of() : order.tenders(),
                    order.loyaltyCard(), credits).withLoads(basket.lines());
            List<Tendering.Approved> approved = tendering.charge(plan, drawer.registerId(),
                    idempotencyKey != null ? idempotencyKey : UUID.randomUUID().toString());
            return Compensated.record("sale", reason -> tendering.reverse(approved, reason),
                    () -> idempotency.executeAfterFind(scope, idempotencyKey, fingerprint, resultType,
                            () -> alsoRecord.apply(record(lockOriginal, drawer, clerk, basket, plan, approved,
                                    order.loyaltyCard(), order.coupons(), ageCheck, granted))));
        });
    }

    private SaleView record(Runnable lockOriginal, DrawerInfo drawer, String clerk, PricedBasket basket,
            Tendering.Plan plan, List<Tendering.Approved> approved, String loyaltyCard, List<String> coupons,
            Map<String, Object> ageCheck, TaxExemptionGranted exemption) {
        LocalDate businessDate = drawers.holdDay(drawer.drawerId()); // locks 1 and 2 (docs/locking.md)
        if (lockOriginal != null) {
            lockOriginal.run(); // lock 3 or 4: what this sale settles, before this sale's number (lock 6)
        }
        long seq = counters.next(drawer.registerId(), "RECEIPT");
        String receiptNumber = "%s-%s-%s-%06d".formatted(store.id(), drawer.registerId(), DAY.format(businessDate), seq);
        pricing.redeemCoupons(coupons, receiptNumber);
        Settlement settlement = tendering.settle(basket.total(), plan, approved,
                tendering.redeem(plan, receiptNumber, clerk));
        Money cashIn = settlement.tenders().stream().filter(t -> t.type() == TenderType.CASH)
                .map(t -> t.amount()).reduce(Money.zero(store.currency()), Money::plus);
        if (settlement.tenders().stream().anyMatch(t -> t.type() == TenderType.CASH)) {
            drawers.post(drawer.drawerId(), new CashPosting(PostingType.SALE, cashIn, receiptNumber, null, clerk));
        }
        settlement.tenders().stream().filter(t -> t.type() != TenderType.CASH).forEach(t ->
                drawers.recordTender(drawer.drawerId(), t.type().name(), t.amount(), receiptNumber, clerk));
        Instant now = clock.instant();
        Sale sale = Sale.complete(receiptNumber, store.id(), drawer.registerId(), seq, drawer.drawerId(),
                businessDate, clerk, now, basket, settlement, loyaltyCard);
        approved.stream().filter(a -> a.loadLine() != null).forEach(a -> sale.giftCardDone(a.loadLine(),
                a.gift().opId(), a.gift().balanceAfter().amount()));
        if (exemption != null) {
            sale.exempt(exemption.exemption().reason(), exemption.exemption().document(), exemption.approvedBy(),
                    exemption.taxNotCharged().amount(), exemption.lineNos());
        }
        SaleView view = books.store(sale);
        tendering.confirm(approved); // the card approvals commit with the sale, or are reversed
        books.completed(sale, view, ageCheck);
        return view;
    }

    /**
     * A tax exemption as checked and approved, with the tax its lines would have charged without it and
     * the line numbers it covers.
     */
    private record TaxExemptionGranted(SaleOrder.TaxExemption exemption, String approvedBy, Money taxNotCharged,
            Set<Integer> lineNos) {
    }
}
