package io.storedesk.pos.specialorder.internal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import io.storedesk.pos.common.Compensated;
import io.storedesk.pos.common.IdempotentResult;
import io.storedesk.pos.common.Idempotency;
import io.storedesk.pos.common.Money;
import io.storedesk.pos.common.ProblemException;
import io.storedesk.pos.common.StoreProperties;
import io.storedesk.pos.customer.CustomerView;
import io.storedesk.pos.customer.Customers;
import io.storedesk.pos.drawer.CashDrawers;
import io.storedesk.pos.drawer.CashPosting;
import io.storedesk.pos.drawer.DrawerInfo;
import io.storedesk.pos.drawer.PostingType;
import io.storedesk.pos.journal.Journal;
import io.storedesk.pos.payment.CardAuthorization;
import io.storedesk.pos.payment.CardPayments;
import io.storedesk.pos.payment.CardPurchase;
import io.storedesk.pos.payment.CardRefund;
import io.storedesk.pos.sale.AppliedTender;
import io.storedesk.pos.sale.SaleOrder;
import io.storedesk.pos.sale.Sales;
import io.storedesk.pos.sale.TenderType;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Special (customer) orders: ORDERED -> ARRIVED -> PICKED_UP, or CANCELLED before pickup. The
 * deposit is cash into an open drawer (posting DEPOSIT) or a card charged before the order is
 * stored and reversed if storing fails. Pickup is a sale of the ordered goods in which the
 * deposit pays first (tender DEPOSIT) and the order is marked PICKED_UP in the sale's
 * transaction. Cancellation gives the deposit back by its original tender: cash out of a drawer
 * (posting DEPOSIT_REFUND) or a refund to the card by reference, sent before the cancellation is
 * stored and reversed if storing fails. Every step is journaled; steps on one order queue up.
 */
@Service
class SpecialOrderService {

    private final ReentrantLock[] locks = new ReentrantLock[32];
    private final SpecialOrderStore orders;
    private final Customers customers;
    private final SpecialOrderChecks checks;
    private final Sales sales;
    private final CashDrawers drawers;
    private final CardPayments cards;
    private final Idempotency idempotency;
    private final Journal journal;
    private final StoreProperties store;
    private final Clock clock;
    private final TransactionTemplate tx;

    SpecialOrderService(SpecialOrderStore orders, Customers customers, SpecialOrderChecks checks, Sales sales,
            CashDrawers drawers, CardPayments cards, Idempotency idempotency, Journal journal, StoreProperties store,
            Clock clock, TransactionTemplate tx) {
        this.tx = tx;
        this.orders = orders;
        this.customers = customers;
        this.checks = checks;
        this.sales = sales;
        this.drawers = drawers;
        this.cards = cards;
        this.idempotency = idempotency;
        this.journal = journal;
        this.store = store;
        this.clock = clock;
        for (int i = 0; i < locks.length; i++) {
            locks[i] = new ReentrantLock();
        }
    }

    IdempotentResult<SpecialOrderView> create(SpecialOrderRequests.Create r, String key, String clerk) {
        DrawerInfo drawer = drawers.drawerForOperation(r.drawerId());
        Object fingerprint = new Object[] {clerk, r};
        return withLock("create:" + key, () -> {
            var earlier = idempotency.find("special-order", key, fingerprint, SpecialOrderView.class);
            if (earlier.isPresent()) {
                return earlier.get();
            }
            SpecialOrderChecks.Checked checked = checks.order(r);
            UUID customerId = checked.customerId();
            List<SpecialOrderView.Line> lines = checked.lines();
            Money total = checked.total();
            Money deposit = checked.deposit();
            CardAuthorization card = r.deposit().type() == SpecialOrderRequests.DepositType.CARD
                    ? charge(r.deposit().card(), drawer.registerId(), deposit) : null;
            return Compensated.record("special order", reason -> {
                if (card != null) {
                    cards.reverse(card, reason);
                }
            }, () -> idempotency.executeAfterFind("special-order", key, fingerprint, SpecialOrderView.class,
                    () -> record(r, customerId, drawer, lines, total, deposit, card, clerk)));
        });
    }

    private SpecialOrderView record(SpecialOrderRequests.Create r, UUID customerId, DrawerInfo drawer,
            List<SpecialOrderView.Line> lines, Money total, Money deposit, CardAuthorization card, String clerk) {
        String number = "%s-SO-%06d".formatted(store.id(), orders.nextNumber());
        orders.insert(new SpecialOrderStore.NewOrder(UUID.randomUUID(), number, customerId, total,
                r.deposit().type().name(), deposit, card == null ? null : card.reference(),
                card == null ? null : card.maskedPan(), drawer.drawerId(), drawer.registerId(), r.note(), clerk, now(),
                lines));
        if (card == null) {
            drawers.post(drawer.drawerId(), new CashPosting(PostingType.DEPOSIT, deposit, number,
                    "special order deposit", clerk));
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("customerId", customerId.toString());
        payload.put("drawerId", drawer.drawerId());
        payload.put("total", total.toString());
        payload.put("depositType", r.deposit().type().name());
        payload.put("deposit", deposit.toString());
        payload.put("lines", lines.stream().map(l -> List.of(l.lineNo(), l.sku(), l.quantity(), l.unitPrice())).toList());
        journal.append(drawer.registerId(), "SPECIAL_ORDER_CREATED", clerk, number, payload);
        return view(number);
    }

    /** The goods are in: the customer is e-mailed (when they gave an address) through the outbox. */
    SpecialOrderView arrived(String number, String user) {
        return withLock(number, () -> arrivedLocked(number, user));
    }

    private SpecialOrderView arrivedLocked(String number, String user) {
        return tx.execute(status -> {
            SpecialOrderStore.Row order = orders.find(number, true)
                    .orElseThrow(() -> ProblemException.notFound("Special order", number));
            require(order, "ORDERED", "marked arrived");
            OffsetDateTime now = now();
            orders.transition(order.id(), "ORDERED", "ARRIVED", "arrived_by = ?, arrived_at = ?", user, now);
            CustomerView customer = customers.find(order.view().customerId()).orElseThrow();
            boolean mail = !customer.erased() && hasEmail(customer);
            if (mail) {
                orders.queueEmail(number, customer.email(), user);
            }
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("customerId", order.view().customerId());
            payload.put("emailQueued", mail);
            journal.append(Journal.STORE_CHAIN, "SPECIAL_ORDER_ARRIVED", user, number, payload);
            return view(number);
        });
    }

    IdempotentResult<SpecialOrderView.Pickup> pickup(String number, SpecialOrderRequests.Pickup r, String key,
            String clerk) {
        Object fingerprint = new Object[] {clerk, number, r};
        return withLock(number, () -> {
            var earlier = idempotency.find("exchange", key, fingerprint, SpecialOrderView.Pickup.class);
            if (earlier.isPresent()) {
                return earlier.get();
            }
            SpecialOrderStore.Row order = find(number);
            require(order, "ARRIVED", "picked up");
            List<SaleOrder.Line> lines = checks.pickupLines(order.view().lines(), order.deposit());
            AppliedTender credit = new AppliedTender(TenderType.DEPOSIT, order.deposit(), order.deposit(), number);
            SaleOrder.Exchange sale = new SaleOrder.Exchange(r.drawerId(), lines, null, null, r.tenders(), null,
                    r.approval(), r.ageCheck(), r.taxExemption());
            // lock 3 (the order's row) under locks 1 and 2 and before the sale's number (lock 6)
            Runnable lockOrder = () -> orders.find(number, true);
            return sales.completeExchange(lockOrder, sale, credit, key, fingerprint, clerk, SpecialOrderView.Pickup.class,
                    view -> {
                        if (!orders.transition(order.id(), "ARRIVED", "PICKED_UP",
                                "picked_up_by = ?, picked_up_at = ?, receipt_number = ?", clerk, now(),
                                view.receiptNumber())) {
                            throw transition(number, "picked up");
                        }
                        Map<String, Object> payload = new LinkedHashMap<>();
                        payload.put("receiptNumber", view.receiptNumber());
                        payload.put("deposit", order.deposit().toString());
                        payload.put("total", view.total());
                        journal.append(Journal.STORE_CHAIN, "SPECIAL_ORDER_PICKED_UP", clerk, number, payload);
                        return new SpecialOrderView.Pickup(view(number), view);
                    });
        });
    }

    IdempotentResult<SpecialOrderView> cancel(String number, SpecialOrderRequests.Cancel r, String key, String clerk) {
        Object fingerprint = new Object[] {clerk, number, r};
        return withLock(number, () -> {
            var earlier = idempotency.find("special-order-cancel", key, fingerprint, SpecialOrderView.class);
            if (earlier.isPresent()) {
                return earlier.get();
            }
            SpecialOrderStore.Row order = find(number);
            SpecialOrderChecks.requireCancellable(number, order.status());
            boolean cash = order.view().deposit().type().equals("CASH");
            DrawerInfo drawer = drawers.drawerForOperation(
                    r.drawerId() != null ? r.drawerId() : order.view().deposit().drawerId());
            CardRefund refund = cash ? null
                    : cards.refund(order.depositReference(), order.deposit(), drawer.registerId(), number);
            return Compensated.record("special order cancellation", reason -> {
                if (refund != null) {
                    cards.reverse(refund.reference(), reason);
                }
            }, () -> idempotency.executeAfterFind("special-order-cancel", key, fingerprint, SpecialOrderView.class,
                    () -> recordCancel(order, r, drawer, refund, clerk)));
        });
    }

    private SpecialOrderView recordCancel(SpecialOrderStore.Row order, SpecialOrderRequests.Cancel r, DrawerInfo drawer,
            CardRefund refund, String clerk) {
        String number = order.view().orderNumber();
        String from = order.status();
        drawers.holdDay(drawer.drawerId()); // locks 1 and 2 (docs/locking.md), before the order's row (lock 3)
        if (!orders.transition(order.id(), from, "CANCELLED",
                "cancelled_by = ?, cancelled_at = ?, cancel_reason = ?, refund_type = ?, refund_reference = ?", clerk,
                now(), r.reason(), refund == null ? "CASH" : "CARD", refund == null ? drawer.drawerId()
                        : refund.reference())) {
            throw transition(number, "cancelled");
        }
        if (refund == null) {
            drawers.post(drawer.drawerId(), new CashPosting(PostingType.DEPOSIT_REFUND, order.deposit().negate(), number,
                    "special order cancelled", clerk));
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("status", from);
        payload.put("reason", r.reason());
        payload.put("refundType", refund == null ? "CASH" : "CARD");
        payload.put("refund", order.deposit().toString());
        payload.put("drawerId", drawer.drawerId());
        if (refund != null) {
            payload.put("cardRefund", refund.reference());
        }
        journal.append(drawer.registerId(), "SPECIAL_ORDER_CANCELLED", clerk, number, payload);
        return view(number);
    }

    SpecialOrderView view(String number) {
        return find(number).view().withEmails(orders.emails(number));
    }

    SpecialOrderStore.Row find(String number) {
        return orders.find(number, false).orElseThrow(() -> ProblemException.notFound("Special order", number));
    }

    private CardAuthorization charge(SaleOrder.Card card, String registerId, Money amount) {
        SpecialOrderChecks.requireCard(card);
        String reference = "SO-" + UUID.randomUUID();   // the order number comes after the charge
        return cards.purchase(card.track2() != null ? CardPurchase.swiped(registerId, amount, card.track2(), reference)
                : CardPurchase.keyed(registerId, amount, card.pan(), card.expiry(), reference));
    }

    static void require(SpecialOrderStore.Row order, String status, String action) {
        SpecialOrderChecks.require(order.view().orderNumber(), order.status(), status, action);
    }

    static ProblemException transition(String number, String action) {
        return SpecialOrderChecks.transition(number, action);
    }

    private <T> T withLock(String name, Supplier<T> action) {
        ReentrantLock lock = locks[Math.floorMod(String.valueOf(name).hashCode(), locks.length)];
        lock.lock();
        try {
            return action.get();
        } finally {
            lock.unlock();
        }
    }

    OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }

    static boolean hasEmail(CustomerView c) {
        return c.email() != null && !c.email().isBlank();
    }
}
