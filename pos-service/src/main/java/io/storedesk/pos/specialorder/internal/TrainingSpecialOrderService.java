package io.storedesk.pos.specialorder.internal;

import java.util.Currency;
import java.util.List;

import io.storedesk.pos.common.IdempotentResult;
import io.storedesk.pos.common.Idempotency;
import io.storedesk.pos.common.Money;
import io.storedesk.pos.common.ProblemException;
import io.storedesk.pos.drawer.DrawerInfo;
import io.storedesk.pos.sale.PricedBasket;
import io.storedesk.pos.sale.SaleOrder;
import io.storedesk.pos.sale.Sales;
import io.storedesk.pos.sale.TrainingTill;
import io.storedesk.pos.sale.TrainingTill.TrainingSpecialOrder;
import org.springframework.stereotype.Service;

/**
 * Special orders of a user or register in training (ADR 0005, issue 24): checked by the real orders' own checks
 * ({@link SpecialOrderChecks}) and priced at pickup as a training sale is ({@code Sales.priceInTraining}: approval,
 * tax exemption, age check), then kept by the training till in its own tables. This class holds no drawer, journal,
 * card payment, mail outbox or special-order store, and the Idempotency service only fingerprints: nothing it does
 * can reach the books, a real order list, an e-mail or a customer's purchase history.
 */
@Service
class TrainingSpecialOrderService {

    private final SpecialOrderChecks checks;
    private final Sales sales;
    private final Idempotency idempotency;

    TrainingSpecialOrderService(SpecialOrderChecks checks, Sales sales, Idempotency idempotency) {
        this.checks = checks;
        this.sales = sales;
        this.idempotency = idempotency;
    }

    IdempotentResult<TrainingSpecialOrder> create(TrainingTill till, DrawerInfo drawer, SpecialOrderRequests.Create r,
            String key, String clerk) {
        // the real order's fingerprint (clerk and request; card data never in it)
        String fingerprint = idempotency.fingerprint(key, new Object[] {clerk, r});
        SpecialOrderChecks.Checked checked = checks.order(r);
        List<TrainingSpecialOrder.Line> lines = checked.lines().stream()
                .map(l -> new TrainingSpecialOrder.Line(l.lineNo(), l.sku(), l.name(), l.quantity(), l.unitPrice()))
                .toList();
        return till.orderSpecial(drawer.registerId(), drawer.drawerId(), clerk,
                new TrainingTill.NewSpecialOrder(checked.customerId().toString(), lines, checked.total(),
                        r.deposit().type().name(), checked.deposit(), r.note()),
                r.deposit().card(), key, fingerprint);
    }

    TrainingSpecialOrder arrived(TrainingTill till, String number, String user) {
        return till.specialOrderArrived(number, user,
                order -> SpecialOrderChecks.require(number, order.status(), "ORDERED", "marked arrived"));
    }

    IdempotentResult<TrainingTill.TrainingPickup> pickup(TrainingTill till, DrawerInfo drawer, String number,
            SpecialOrderRequests.Pickup r, String key, String clerk) {
        String fingerprint = idempotency.fingerprint(key, new Object[] {clerk, number, r});
        TrainingSpecialOrder order = find(till, number);
        // a repeat of a pickup that went through is answered by the till before these checks run again
        PricedBasket basket = null;
        if (order.status().equals("ARRIVED")) {
            List<SaleOrder.Line> lines = checks.pickupLines(order.lines().stream()
                    .map(l -> new SpecialOrderView.Line(l.lineNo(), l.sku(), l.name(), l.quantity(), l.unitPrice()))
                    .toList(), Money.of(order.deposit().amount(), Currency.getInstance(order.currency())));
            basket = sales.priceInTraining(new SaleOrder.Exchange(r.drawerId(), lines, null, null, r.tenders(), null,
                    r.approval(), r.ageCheck(), r.taxExemption()), clerk);
        }
        PricedBasket priced = basket;
        return till.pickUpSpecialOrder(number, drawer.registerId(), drawer.drawerId(), clerk, priced, r.tenders(),
                locked -> {
                    SpecialOrderChecks.require(number, locked.status(), "ARRIVED", "picked up");
                    if (priced == null) {
                        throw SpecialOrderChecks.transition(number, "picked up");
                    }
                }, key, fingerprint);
    }

    IdempotentResult<TrainingSpecialOrder> cancel(TrainingTill till, DrawerInfo drawer, String number,
            SpecialOrderRequests.Cancel r, String key, String clerk) {
        String fingerprint = idempotency.fingerprint(key, new Object[] {clerk, number, r});
        return till.cancelSpecialOrder(number, drawer.registerId(), drawer.drawerId(), clerk, r.reason(),
                locked -> SpecialOrderChecks.requireCancellable(number, locked.status()), key, fingerprint);
    }

    static TrainingSpecialOrder find(TrainingTill till, String number) {
        return till.findSpecialOrder(number)
                .orElseThrow(() -> ProblemException.notFound("Special order", number));
    }
}
