package io.storedesk.pos.returns.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import io.storedesk.pos.common.IdempotentResult;
import io.storedesk.pos.common.Idempotency;
import io.storedesk.pos.common.ProblemException;
import io.storedesk.pos.common.StoreProperties;
import io.storedesk.pos.drawer.CashDrawers;
import io.storedesk.pos.drawer.DrawerInfo;
import io.storedesk.pos.identity.ManagerApprovals;
import io.storedesk.pos.payment.CardPayments;
import io.storedesk.pos.payment.CardRefund;
import io.storedesk.pos.returns.ReturnView;
import io.storedesk.pos.returns.ReturnsProperties;
import io.storedesk.pos.sale.SaleView;
import io.storedesk.pos.sale.Sales;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Takes receipted returns. Under a lock on the sale's receipt number (so returns of one sale
 * queue up and see each other's counts): a repeat is answered from the stored result before
 * anything else; the window, the lines and the refund plan are checked from the sale as it
 * stands; then the card refunds go to the acquirer, outside any database transaction (the
 * payment module commits its own records); then one transaction counts the returned
 * quantities atomically, pays out the cash, numbers, stores and journals the return. If that
 * transaction fails, or another request with the same key won, the card refunds are reversed.
 */
@Service
class ReturnService {

    private final ReentrantLock[] locks = new ReentrantLock[64];
    private final Sales sales;
    private final CashDrawers drawers;
    private final CardPayments cards;
    private final ManagerApprovals approvals;
    private final Idempotency idempotency;
    private final ReturnStore store;
    private final ReturnRecorder recorder;
    private final ReturnsProperties policy;
    private final StoreProperties storeProperties;
    private final Clock clock;

    ReturnService(Sales sales, CashDrawers drawers, CardPayments cards, ManagerApprovals approvals,
            Idempotency idempotency, ReturnStore store, ReturnRecorder recorder, ReturnsProperties policy,
            StoreProperties storeProperties, Clock clock) {
        this.sales = sales;
        this.drawers = drawers;
        this.cards = cards;
        this.approvals = approvals;
        this.idempotency = idempotency;
        this.store = store;
        this.recorder = recorder;
        this.policy = policy;
        this.storeProperties = storeProperties;
        this.clock = clock;
        for (int i = 0; i < locks.length; i++) {
            locks[i] = new ReentrantLock();
        }
    }

    IdempotentResult<ReturnView> complete(ReturnRequests.Return request, String idempotencyKey, String clerk) {
        DrawerInfo drawer = drawers.drawer(request.drawerId());
        Object fingerprint = new Object[] {clerk, request};
        return withLock(request.receiptNumber(), () -> {
            var earlier = idempotency.find("return", idempotencyKey, fingerprint, ReturnView.class);
            if (earlier.isPresent()) {
                return earlier.get();
            }
            SaleView sale = sales.find(request.receiptNumber())
                    .orElseThrow(() -> ProblemException.notFound("Sale", request.receiptNumber()));
            String approvedBy = checkWindow(sale, request, clerk);
            Currency currency = Currency.getInstance(sale.currency());
            RefundPlan plan = RefundPlan.of(sale, request, store.refundedToCards(sale.receiptNumber(), currency),
                    store.earlierCash(sale.receiptNumber(), currency), storeProperties.cashRoundingPolicy());
            UUID returnId = UUID.randomUUID();
            List<CardRefund> refunded = refundCards(plan, drawer.registerId(), returnId);
            try {
                IdempotentResult<ReturnView> result = idempotency.executeAfterFind("return", idempotencyKey, fingerprint,
                        ReturnView.class, () -> recorder.record(returnId, drawer, sale, request, plan, refunded,
                                clerk, approvedBy));
                if (result.replayed()) {
                    reverse(refunded, "duplicate return request");
                }
                return result;
            } catch (RuntimeException e) {
                reverse(refunded, "return not completed");
                throw e;
            }
        });
    }

    /** Null when the sale is within the window; else the approving manager (422 without approval). */
    private String checkWindow(SaleView sale, ReturnRequests.Return request, String clerk) {
        LocalDate lastDay = sale.businessDate().plusDays(policy.windowDays());
        if (!storeProperties.today(clock).isAfter(lastDay)) {
            return null;
        }
        String why = "Sale %s was on %s; returns are taken up to %d days after the sale (until %s)."
                .formatted(sale.receiptNumber(), sale.businessDate(), policy.windowDays(), lastDay);
        if (request.approval() == null) {
            throw ProblemException.rule("return-window-expired", "Return window expired",
                    why + " A manager may approve it.").with("lastDay", lastDay.toString());
        }
        return approvals.require(request.approval(), "return-window-expired", clerk, why).manager();
    }

    private List<CardRefund> refundCards(RefundPlan plan, String registerId, UUID returnId) {
        List<CardRefund> done = new ArrayList<>();
        try {
            for (RefundPlan.CardPart part : plan.cards()) {
                done.add(cards.refund(part.reference(), part.amount(), registerId, returnId.toString()));
            }
            return done;
        } catch (RuntimeException e) {
            reverse(done, "return not completed");
            throw e;
        }
    }

    private void reverse(List<CardRefund> refunds, String reason) {
        refunds.forEach(r -> cards.reverse(r.reference(), reason));
    }

    private <T> T withLock(String receiptNumber, Supplier<T> work) {
        ReentrantLock lock = locks[Math.floorMod(receiptNumber.hashCode(), locks.length)];
        try {
            if (!lock.tryLock(10, TimeUnit.SECONDS)) {
                throw busy(receiptNumber);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw busy(receiptNumber);
        }
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }

    private static ProblemException busy(String receiptNumber) {
        return new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, "return-busy", "Sale busy",
                "Another return of %s is in progress; nothing was saved. Please try again.".formatted(receiptNumber));
    }
}
