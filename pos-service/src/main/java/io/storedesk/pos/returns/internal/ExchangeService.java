package io.storedesk.pos.returns.internal;

import java.util.Currency;
import java.util.List;
import java.util.UUID;

import io.storedesk.pos.common.Compensated;
import io.storedesk.pos.common.IdempotentResult;
import io.storedesk.pos.common.Idempotency;
import io.storedesk.pos.common.Ids;
import io.storedesk.pos.common.Money;
import io.storedesk.pos.common.ProblemException;
import io.storedesk.pos.drawer.CashDrawers;
import io.storedesk.pos.drawer.DrawerInfo;
import io.storedesk.pos.payment.CardRefund;
import io.storedesk.pos.returns.ExchangeCompleted;
import io.storedesk.pos.returns.ExchangeView;
import io.storedesk.pos.returns.ReturnView;
import io.storedesk.pos.sale.AppliedTender;
import io.storedesk.pos.sale.SaleOrder;
import io.storedesk.pos.sale.SaleView;
import io.storedesk.pos.sale.Sales;
import io.storedesk.pos.sale.TenderType;
import io.storedesk.pos.sale.TrainingTill;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Exchanges. Under the original sale's lock: the returned lines are valued as a return would
 * refund them (R) and the new lines priced (N). The smaller of the two is an EXCHANGE credit that
 * pays the new sale first; if N is more, the request's tenders pay the difference; if R is more,
 * the difference is refunded as a return would refund it (store-kept tenders, cards, cash; or by
 * the refund method). The new sale and the return commit in one transaction, or neither does;
 * card refunds made before it are reversed if it fails.
 */
@Service
class ExchangeService {

    private final ReturnService returns;
    private final ReturnPolicy policy;
    private final ReturnRecorder recorder;
    private final Sales sales;
    private final CashDrawers drawers;
    private final ApplicationEventPublisher events;
    private final Idempotency idempotency;

    ExchangeService(ReturnService returns, ReturnPolicy policy, ReturnRecorder recorder, Sales sales,
            CashDrawers drawers, ApplicationEventPublisher events, Idempotency idempotency) {
        this.returns = returns;
        this.policy = policy;
        this.recorder = recorder;
        this.sales = sales;
        this.drawers = drawers;
        this.events = events;
        this.idempotency = idempotency;
    }

    IdempotentResult<ExchangeView> exchange(ExchangeRequest request, String idempotencyKey, String clerk) {
        DrawerInfo drawer = drawers.drawerForOperation(request.drawerId());
        Object fingerprint = new Object[] {clerk, request};
        return returns.withLock(request.receiptNumber(), () -> {
            var earlier = idempotency.find("exchange", idempotencyKey, fingerprint, ExchangeView.class);
            if (earlier.isPresent()) {
                return earlier.get();
            }
            SaleView sale = returns.saleToReturn(request.receiptNumber());
            Currency currency = Currency.getInstance(sale.currency());
            // what the returned goods are worth, less earned points already spent that go with them
            RefundPlan valued = returns.plan(sale, request.returnLines(), request.method(), null, false);
            Money returned = valued.linesTotal().minus(valued.pointsSpent());
            Money newTotal = sales.quoteTotal(request.newLines(), request.loyaltyCard(), request.coupons(),
                    request.discount());
            Money credit = returned.min(newTotal);
            boolean tendersGiven = request.tenders() != null && !request.tenders().isEmpty();
            if (!newTotal.isGreaterThan(returned) && tendersGiven) {
                throw ProblemException.rule("nothing-to-pay", "Nothing to pay",
                        "The returned goods (%s) cover the new ones (%s): leave out the tenders.".formatted(returned,
                                newTotal));
            }
            RefundPlan plan = returns.plan(sale, request.returnLines(), request.method(), credit, false);
            String approvedBy = policy.check(sale, plan, request.approval(), clerk);
            UUID returnId = Ids.timeOrdered();
            List<CardRefund> refunded = returns.refundCards(plan, drawer.registerId(), returnId);
            SaleOrder.Exchange order = new SaleOrder.Exchange(request.drawerId(), request.newLines(),
                    request.loyaltyCard(), request.coupons(), request.tenders(), request.discount(),
                    request.approval(), request.ageCheck());
            AppliedTender creditTender = credit.isPositive()
                    ? new AppliedTender(TenderType.EXCHANGE, credit, credit, request.receiptNumber()) : null;
            return Compensated.record("exchange", reason -> returns.reverse(refunded, reason),
                    () -> sales.completeExchange(
                        () -> returns.lockSaleAndCustomer(request.receiptNumber()), order, creditTender, idempotencyKey,
                        fingerprint, clerk, ExchangeView.class, newSale -> {
                            // locks 1, 2 and 4 (docs/locking.md) are held: the new sale took them
                            SaleView locked = returns.recheck(sale.receiptNumber(), request.returnLines(),
                                    request.method(), credit, plan, approvedBy);
                            ReturnView ret = recorder.record(new ReturnRecorder.Document(returnId, drawer, locked,
                                    request.method(), plan, refunded, clerk, approvedBy, locked.loyaltyCard(),
                                    newSale.receiptNumber()));
                            Money difference = Money.of(newSale.total(), currency).minus(returned);
                            events.publishEvent(new ExchangeCompleted(sale.receiptNumber(), ret.returnNumber(),
                                    newSale.receiptNumber(), currency.getCurrencyCode(), returned.toString(),
                                    newSale.total(), difference.toString(), clerk));
                            return new ExchangeView(sale.receiptNumber(), currency.getCurrencyCode(),
                                    returned.toString(), newSale.total(), difference.toString(), ret, newSale);
                        }));
        });
    }

    /**
     * An exchange in training (ADR 0005): the new goods are priced and checked as a training sale's (discount
     * approval, age check), then the training till takes the training receipt's lines back and sells them in one
     * transaction of its own; nothing here touches the books.
     */
    IdempotentResult<TrainingTill.TrainingExchange> exchangeInTraining(TrainingTill till, DrawerInfo drawer,
            ExchangeRequest request, String idempotencyKey, String clerk) {
        // the real till's fingerprint of the request (without card data): the same key with another body is refused
        String fingerprint = idempotency.fingerprint(idempotencyKey, new Object[] {clerk, request});
        List<TrainingTill.ReturnedLine> lines = ReturnRequests.trainingLines(request.returnLines(), request.method());
        var basket = sales.priceInTraining(new SaleOrder.Exchange(request.drawerId(), request.newLines(), null,
                request.coupons(), request.tenders(), request.discount(), request.approval(), request.ageCheck()), clerk);
        return till.exchange(drawer.registerId(), drawer.drawerId(), clerk, request.receiptNumber(), lines,
                request.method() == ReturnRequests.RefundMethod.CASH, basket, request.tenders(), idempotencyKey,
                fingerprint);
    }
}
