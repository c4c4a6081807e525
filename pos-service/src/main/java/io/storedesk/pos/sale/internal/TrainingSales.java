package io.storedesk.pos.sale.internal;

import java.time.Clock;

import io.storedesk.pos.common.Idempotency;
import io.storedesk.pos.common.IdempotentResult;
import io.storedesk.pos.common.StoreProperties;
import io.storedesk.pos.drawer.CashDrawers;
import io.storedesk.pos.drawer.DrawerInfo;
import io.storedesk.pos.identity.CurrentUser;
import io.storedesk.pos.identity.ManagerApprovals;
import io.storedesk.pos.sale.PricedBasket;
import io.storedesk.pos.sale.SaleOrder;
import io.storedesk.pos.sale.SaleView;
import io.storedesk.pos.sale.TrainingTill;
import org.springframework.stereotype.Service;

/**
 * Hands sales and post-voids of a user or register in training (ADR 0005) to the training till, after pricing
 * and checking them by the real rules; nothing here takes a receipt number, a drawer, a ledger, a card payment,
 * the journal or an event.
 */
@Service
class TrainingSales {

    private final SalePricing pricing;
    private final CashDrawers drawers;
    private final ManagerApprovals approvals;
    private final Idempotency idempotency;
    private final StoreProperties store;
    private final Clock clock;

    TrainingSales(SalePricing pricing, CashDrawers drawers, ManagerApprovals approvals, Idempotency idempotency,
            StoreProperties store, Clock clock) {
        this.pricing = pricing;
        this.drawers = drawers;
        this.approvals = approvals;
        this.idempotency = idempotency;
        this.store = store;
        this.clock = clock;
    }

    /**
     * A sale of a user or register in training (ADR 0005): priced, approved, exempted and age-checked as a
     * real one, then handed to the training till.
     */
    IdempotentResult<SaleView> sell(TrainingTill till, DrawerInfo drawer, SaleRequests.Sale request,
            String idempotencyKey, String clerk) {
        // the real till's fingerprint of the request (without card data): the same key with another body is refused
        String fingerprint = idempotency.fingerprint(idempotencyKey, new Object[] {clerk, request});
        PricedBasket basket = pricing.trainingBasket(drawer, request.lines(), request.coupons(), request.discount(),
                request.taxExemption(), request.approval(), request.ageCheck(), clerk);
        return till.sell(drawer.registerId(), drawer.drawerId(), clerk, basket, request.tenders(), idempotencyKey,
                fingerprint);
    }

    /** See {@link io.storedesk.pos.sale.Sales#priceInTraining}. */
    PricedBasket price(SaleOrder.Exchange order, String clerk) {
        return pricing.trainingBasket(drawers.drawer(order.drawerId()), order.lines(), order.coupons(),
                order.discount(), order.taxExemption(), order.approval(), order.ageCheck(), clerk);
    }

    /**
     * Post-voids a training sale (ADR 0005, issue 24) by the real void's rules: the register's check, then, deciding,
     * under the training till's locks (its register's training counter, then the training sale's row), the
     * {@link Sale#checkVoidable(SaleView, java.time.LocalDate) sale's rules} and a manager's approval. The training
     * till keeps it; nothing here touches a drawer, a ledger, a card payment, the day's totals, the journal or an
     * event.
     */
    IdempotentResult<SaleView> voidSale(TrainingTill till, SaleView found, SaleRequests.Void request,
            String idempotencyKey, String clerk) {
        String receiptNumber = found.receiptNumber();
        String fingerprint = idempotency.fingerprint(idempotencyKey, new Object[] {clerk, receiptNumber, request});
        CurrentUser.requireRegister(found.registerId());
        return till.voidSale(receiptNumber, clerk, request.reason(),
                // the day the training till dates its documents by (it takes no drawer session)
                sale -> Sale.checkVoidable(sale, store.today(clock)),
                () -> approvals.require(request.approval(), "post-void", clerk,
                        "Voiding sale %s (%s %s) needs a manager's approval.".formatted(receiptNumber, found.total(),
                                found.currency())).manager(),
                idempotencyKey, fingerprint);
    }
}
