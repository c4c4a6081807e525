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

import io.storedesk.pos.catalog.Catalog;
import io.storedesk.pos.catalog.CatalogItem;
import io.storedesk.pos.common.Compensated;
import io.storedesk.pos.common.IdempotentResult;
import io.storedesk.pos.common.Ids;
import io.storedesk.pos.common.Money;
import io.storedesk.pos.common.Idempotency;
import io.storedesk.pos.common.ProblemException;
import io.storedesk.pos.common.StoreProperties;
import io.storedesk.pos.drawer.CashDrawers;
import io.storedesk.pos.drawer.DrawerInfo;
import io.storedesk.pos.identity.ManagerApprovals;
import io.storedesk.pos.payment.CardPayments;
import io.storedesk.pos.payment.CardRefund;
import io.storedesk.pos.returns.EarnedPointsSpent;
import io.storedesk.pos.returns.ReturnView;
import io.storedesk.pos.returns.ReturnsProperties;
import io.storedesk.pos.sale.SaleStatus;
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
    private final Catalog catalog;
    private final CashDrawers drawers;
    private final CardPayments cards;
    private final ManagerApprovals approvals;
    private final Idempotency idempotency;
    private final ReturnStore store;
    private final ReturnRecorder recorder;
    private final ReturnPolicy returnPolicy;
    private final ReturnsProperties policy;
    private final StoreProperties storeProperties;
    private final Clock clock;
    private final org.springframework.beans.factory.ObjectProvider<EarnedPointsSpent> pointsSpent;

    ReturnService(org.springframework.beans.factory.ObjectProvider<EarnedPointsSpent> pointsSpent, Sales sales, Catalog catalog, CashDrawers drawers, CardPayments cards, ManagerApprovals approvals,
            Idempotency idempotency, ReturnStore store, ReturnRecorder recorder, ReturnPolicy returnPolicy,
            ReturnsProperties policy, StoreProperties storeProperties, Clock clock) {
        this.sales = sales;
        this.catalog = catalog;
        this.drawers = drawers;
        this.cards = cards;
        this.approvals = approvals;
        this.idempotency = idempotency;
        this.store = store;
        this.recorder = recorder;
        this.returnPolicy = returnPolicy;
        this.policy = policy;
        this.storeProperties = storeProperties;
        this.clock = clock;
        this.pointsSpent = pointsSpent;
        for (int i = 0; i < locks.length; i++) {
            locks[i] = new ReentrantLock();
        }
    }

    IdempotentResult<ReturnView> complete(ReturnRequests.Return request, String idempotencyKey, String clerk) {
        if (request.receiptNumber() == null || request.receiptNumber().isBlank()) {
            return completeWithoutReceipt(request, idempotencyKey, clerk);
        }
        DrawerInfo drawer = drawers.drawerForOperation(request.drawerId());
        Object fingerprint = new Object[] {clerk, request};
        return withLock(request.receiptNumber(), () -> {
            var earlier = idempotency.find("return", idempotencyKey, fingerprint, ReturnView.class);
            if (earlier.isPresent()) {
                return earlier.get();
            }
            SaleView sale = saleToReturn(request.receiptNumber());
            RefundPlan plan = plan(sale, request.lines(), request.method(), null, false);
            String approvedBy = returnPolicy.check(sale, plan, request.approval(), clerk);
            UUID returnId = Ids.timeOrdered();
            List<CardRefund> refunded = refundCards(plan, drawer.registerId(), returnId);
            return Compensated.record("return", reason -> reverse(refunded, reason),
                    () -> idempotency.executeAfterFind("return", idempotencyKey, fingerprint, ReturnView.class, () -> {
                        drawers.holdDay(drawer.drawerId()); // locks 1 and 2 (docs/locking.md)
                        SaleView locked = recheck(sale.receiptNumber(), request.lines(), request.method(), null,
                                plan, approvedBy); // lock 4
                        return recorder.record(new ReturnRecorder.Document(returnId, drawer, locked,
                                request.method(), plan, refunded, clerk, approvedBy, locked.loyaltyCard(), null));
                    }));
        });
    }

    /** The sale, if it can still be returned: 404 when unknown, 422 when voided. */
    SaleView saleToReturn(String receiptNumber) {
        SaleView sale = requireNotVoided(sales.find(receiptNumber)
                .orElseThrow(() -> ProblemException.notFound("Sale", receiptNumber)));
        if (sale.loyaltyCard() != null) {
            store.ensureCustomer(sale.loyaltyCard()); // the row of lock 5, before any transaction
        }
        return sale;
    }

    /**
     * Locks 4 and 5 of docs/locking.md (the sale, then its customer) in the caller's transaction,
     * for an exchange: before its new sale redeems points (lock 7) or takes a number (lock 6).
     */
    void lockSaleAndCustomer(String receiptNumber) {
        SaleView sale = sales.lockForChange(receiptNumber); // lock 4
        if (sale.loyaltyCard() != null) {
            store.lockCustomer(sale.loyaltyCard()); // lock 5
        }
    }

    /**
     * The deciding checks again, in the recording transaction, under the sale's lock (lock 4 of
     * docs/locking.md; the caller holds locks 1 and 2): the sale is not voided, the refund plan
     * made from the sale as it now stands is the one the cards were refunded by (no return,
     * exchange or void committed in between), and the return policy still holds (or a manager
     * approved). When this throws, the caller reverses the card refunds made before.
     *
     * @return the sale as it stands under the lock
     */
    SaleView recheck(String receiptNumber, List<ReturnRequests.Line> lines, ReturnRequests.RefundMethod method,
            Money credit, RefundPlan planned, String approvedBy) {
        SaleView sale = requireNotVoided(sales.lockForChange(receiptNumber)); // lock 4
        if (sale.loyaltyCard() != null) {
            store.lockCustomer(sale.loyaltyCard()); // lock 5: the customer's cash refunds over the window
        }
        RefundPlan again = plan(sale, lines, method, credit, true); // lock 7, when points were earned
        if (!again.equals(planned)) {
            throw ProblemException.conflict("sale-changed", "Sale changed meanwhile",
                    "Sale %s was returned, exchanged or voided by someone else while this was prepared; nothing was "
                            + "saved and card refunds were reversed. Look at the sale again and retry."
                                    .formatted(receiptNumber));
        }
        returnPolicy.recheck(sale, again, approvedBy);
        return sale;
    }

    private static SaleView requireNotVoided(SaleView sale) {
        String receiptNumber = sale.receiptNumber();
        if (sale.saleStatus() == SaleStatus.VOIDED) {
            throw ProblemException.rule("sale-voided", "Sale voided",
                    "Sale %s was voided; there is nothing to return.".formatted(receiptNumber));
        }
        return sale;
    }

    /**
     * The refund plan for returning {@code lines} of the sale, less an exchange's {@code credit}
     * (or null), less the value of earned points already spent that the return takes back.
     *
     * @param lock take the loyalty card's lock (lock 7 of docs/locking.md): in the recording transaction
     */
    RefundPlan plan(SaleView sale, List<ReturnRequests.Line> lines, ReturnRequests.RefundMethod method, Money credit,
            boolean lock) {
        Currency currency = Currency.getInstance(sale.currency());
        Money zero = Money.zero(currency);
        Money taken = credit == null ? zero : credit;
        java.util.Map<String, Money> toTenders = store.refundedToTenders(sale.receiptNumber(), currency);
        RefundPlan.EarlierCash earlier = store.earlierCash(sale.receiptNumber(), currency);
        RefundPlan plain = RefundPlan.of(sale, lines, method, toTenders, earlier, storeProperties.cashRoundingPolicy(),
                taken);
        EarnedPointsSpent.Shortfall spent = pointsSpent.getIfAvailable() == null ? EarnedPointsSpent.Shortfall.NONE
                : pointsSpent.getObject().shortfall(sale.receiptNumber(), plain.lines().stream().collect(
                        java.util.stream.Collectors.toMap(RefundPlan.Line::lineNo, l -> l.refund().amount())), lock);
        if (spent.points() <= 0) {
            return plain;
        }
        Money value = Money.of(spent.value(), currency).min(plain.linesTotal().minus(taken));
        return RefundPlan.of(sale, lines, method, toTenders, earlier, storeProperties.cashRoundingPolicy(), taken,
                value, spent.points());
    }

    /**
     * A return without a receipt: always with a manager's approval, refunded only as store credit,
     * each unit at the lowest price the item sold at lately (or its current price if lower), within
     * the customer's monthly limit. Serialised per customer so two returns cannot both pass the limit.
     */
    private IdempotentResult<ReturnView> completeWithoutReceipt(ReturnRequests.Return request, String idempotencyKey,
            String clerk) {
        if (request.customerRef() == null || request.customerRef().isBlank()) {
            throw ProblemException.invalidField("customerRef", "is required for a return without a receipt (ID document or phone number)");
        }
        if (request.method() == ReturnRequests.RefundMethod.CASH) {
            throw ProblemException.rule("no-receipt-store-credit-only", "Store credit only",
                    "A return without a receipt is refunded as store credit only.");
        }
        DrawerInfo drawer = drawers.drawerForOperation(request.drawerId());
        Currency currency = storeProperties.currency();
        String customer = request.customerRef().strip().toUpperCase(java.util.Locale.ROOT);
        Object fingerprint = new Object[] {clerk, request};
        return withLock("customer:" + customer, () -> {
            var earlier = idempotency.find("return", idempotencyKey, fingerprint, ReturnView.class);
            if (earlier.isPresent()) {
                return earlier.get();
            }
            LocalDate today = storeProperties.today(clock);
            List<RefundPlan.Line> lines = new ArrayList<>();
            List<String> notes = new ArrayList<>();
            for (int i = 0; i < request.lines().size(); i++) {
                ReturnRequests.Line asked = request.lines().get(i);
                if (asked.sku() == null || asked.sku().isBlank()) {
                    throw ProblemException.invalidField("lines[%d].sku".formatted(i), "is required for a return without a receipt");
                }
                CatalogItem item = catalog.find(asked.sku()).orElseThrow(() -> ProblemException.rule("unknown-item",
                        "Unknown item", "No item with SKU or barcode %s.".formatted(asked.sku()))
                        .with("unknown", List.of(asked.sku())));
                Money unit = sales.lowestUnitPaid(item.sku(), today.minusDays(policy.noReceipt().priceLookbackDays()))
                        .map(lowest -> lowest.min(item.price())).orElse(item.price());
                if (policy.nonReturnableDepartments().contains(item.department())) {
                    notes.add("%s is of department %s, which is not returnable.".formatted(item.name(), item.department()));
                }
                lines.add(new RefundPlan.Line(i + 1, item.sku(), asked.quantity(), asked.reason(), asked.restock(),
                        unit.times(asked.quantity())));
            }
            Money zero = Money.zero(currency);
            Money total = lines.stream().map(RefundPlan.Line::refund).reduce(zero, Money::plus);
            Money limit = Money.of(policy.noReceipt().monthlyLimit(), currency);
            Money earlierThisMonth = store.refundedWithoutReceipt(customer, today, currency);
            if (earlierThisMonth.plus(total).isGreaterThan(limit)) {
                throw ProblemException.rule("no-receipt-limit-exceeded", "Limit for returns without receipt",
                        "This customer got %s back without receipts this month; %s more would pass the monthly limit of %s."
                                .formatted(earlierThisMonth, total, limit))
                        .with("refundedThisMonth", earlierThisMonth.toString()).with("limit", limit.toString());
            }
            String why = ("A return without a receipt needs a manager's approval. " + String.join(" ", notes)).strip();
            String approvedBy = approvals.require(request.approval(), "return-without-receipt", clerk, why).manager();
            RefundPlan plan = new RefundPlan(List.copyOf(lines), List.of(), zero, zero, zero, total, zero);
            return idempotency.executeAfterFind("return", idempotencyKey, fingerprint, ReturnView.class,
                    () -> recorder.record(new ReturnRecorder.Document(Ids.timeOrdered(), drawer, null,
                            ReturnRequests.RefundMethod.STORE_CREDIT, plan, List.of(), clerk, approvedBy, customer, null)));
        });
    }


    List<CardRefund> refundCards(RefundPlan plan, String registerId, UUID returnId) {
        List<CardRefund> done = new ArrayList<>();
        try {
            for (RefundPlan.TenderPart part : plan.cards()) {
                done.add(cards.refund(part.reference(), part.amount(), registerId, returnId.toString()));
            }
            return done;
        } catch (RuntimeException e) {
            reverse(done, "return not completed");
            throw e;
        }
    }

    void reverse(List<CardRefund> refunds, String reason) {
        refunds.forEach(r -> cards.reverse(r.reference(), reason));
    }

    <T> T withLock(String receiptNumber, Supplier<T> work) {
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
