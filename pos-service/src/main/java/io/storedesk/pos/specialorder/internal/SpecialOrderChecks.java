package io.storedesk.pos.specialorder.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.storedesk.pos.catalog.Catalog;
import io.storedesk.pos.catalog.CatalogItem;
import io.storedesk.pos.common.Amounts;
import io.storedesk.pos.common.Money;
import io.storedesk.pos.common.ProblemException;
import io.storedesk.pos.common.StoreProperties;
import io.storedesk.pos.customer.Customers;
import io.storedesk.pos.sale.SaleOrder;
import io.storedesk.pos.sale.Sales;
import org.springframework.stereotype.Component;

/**
 * The deciding checks of a special order, shared by the real orders ({@link SpecialOrderService}) and those taken in
 * training ({@link TrainingSpecialOrderService}), so that an order in training is refused exactly when a real one
 * would be: the customer exists and is not erased, the lines are known items (no gift cards), the deposit is more
 * than zero and no more than the goods cost, a card deposit names a card, and the steps follow the statuses. All of
 * them are reads.
 */
@Component
class SpecialOrderChecks {

    private final Customers customers;
    private final Catalog catalog;
    private final Sales sales;
    private final StoreProperties store;

    SpecialOrderChecks(Customers customers, Catalog catalog, Sales sales, StoreProperties store) {
        this.customers = customers;
        this.catalog = catalog;
        this.sales = sales;
        this.store = store;
    }

    /** What a new order is, once checked. */
    record Checked(UUID customerId, List<SpecialOrderView.Line> lines, Money total, Money deposit) {
    }

    /** 422 {@code unknown-customer}, {@code unknown-item}, {@code deposit-exceeds-total}, 400 for a bad deposit. */
    Checked order(SpecialOrderRequests.Create r) {
        UUID customerId = customers.find(r.customerId()).filter(c -> !c.erased()).map(c -> UUID.fromString(c.id()))
                .orElseThrow(() -> ProblemException.rule("unknown-customer", "Unknown customer",
                        "There is no customer '%s'.".formatted(r.customerId())));
        List<SpecialOrderView.Line> lines = lines(r.lines());
        Money total = sales.quoteTotal(r.lines(), null, null);
        Money deposit = Amounts.parse(r.deposit().amount(), store.currency(), "deposit.amount");
        if (!deposit.isPositive()) {
            throw ProblemException.invalidField("deposit.amount", "must be more than zero");
        }
        if (deposit.isGreaterThan(total)) {
            throw ProblemException.rule("deposit-exceeds-total", "Deposit exceeds the total",
                    "The deposit %s is more than the goods cost (%s).".formatted(deposit, total))
                    .with("total", total.toString());
        }
        if (r.deposit().type() == SpecialOrderRequests.DepositType.CARD) {
            requireCard(r.deposit().card());
        }
        return new Checked(customerId, lines, total, deposit);
    }

    /** A card deposit names the card: pan and expiry, or track 2. */
    static void requireCard(SaleOrder.Card card) {
        if (card == null || (card.track2() == null && (card.pan() == null || card.expiry() == null))) {
            throw ProblemException.invalidField("deposit.card", "needs pan and expiry, or track2");
        }
    }

    /**
     * The goods of an order to pick up, as sale lines; 422 {@code deposit-exceeds-total} when the deposit is more
     * than they now cost (the order is then cancelled to refund the deposit).
     */
    List<SaleOrder.Line> pickupLines(List<SpecialOrderView.Line> ordered, Money deposit) {
        List<SaleOrder.Line> lines = ordered.stream().map(l -> new SaleOrder.Line(l.sku(), l.quantity())).toList();
        Money total = sales.quoteTotal(lines, null, null);
        if (deposit.isGreaterThan(total)) {
            throw ProblemException.rule("deposit-exceeds-total", "Deposit exceeds the total",
                    "The deposit %s is more than the goods now cost (%s); cancel the order to refund the deposit."
                            .formatted(deposit, total)).with("total", total.toString());
        }
        return lines;
    }

    private List<SpecialOrderView.Line> lines(List<SaleOrder.Line> requested) {
        List<SpecialOrderView.Line> lines = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (int i = 0; i < requested.size(); i++) {
            SaleOrder.Line l = requested.get(i);
            if (l.giftCard() != null) {
                throw ProblemException.invalidField("lines[%d].giftCard".formatted(i), "cannot be ordered: sell gift cards at the till");
            }
            CatalogItem item = catalog.find(l.sku()).orElse(null);
            if (item == null) {
                unknown.add(l.sku());
            } else {
                lines.add(new SpecialOrderView.Line(i + 1, item.sku(), item.name(), l.quantity(), item.price().toString()));
            }
        }
        if (!unknown.isEmpty()) {
            throw ProblemException.rule("unknown-item", "Unknown item",
                    "No item with SKU or barcode %s.".formatted(String.join(", ", unknown))).with("unknown", unknown);
        }
        return lines;
    }

    /** 409 {@code invalid-order-transition} unless the order is in {@code status}. */
    static void require(String number, String current, String status, String action) {
        if (!current.equals(status)) {
            throw transition(number, action).with("status", current);
        }
    }

    /** 409 {@code invalid-order-transition} unless the order is ORDERED or ARRIVED. */
    static void requireCancellable(String number, String current) {
        if (!current.equals("ORDERED") && !current.equals("ARRIVED")) {
            throw transition(number, "cancelled");
        }
    }

    static ProblemException transition(String number, String action) {
        return ProblemException.conflict("invalid-order-transition", "Not possible in this status",
                "Special order %s cannot be %s in its current status.".formatted(number, action));
    }
}
