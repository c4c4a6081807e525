package io.storedesk.pos.specialorder.internal;

import java.util.List;
import java.util.Set;

import io.storedesk.pos.common.StoreProperties;
import io.storedesk.pos.customer.CustomerProperties;
import io.storedesk.pos.mail.MailDocuments;
import org.springframework.stereotype.Component;

/**
 * The "your order has arrived" e-mail ({@code ORDER_ARRIVED}, keyed by order number), queued in the
 * mail outbox with the arrival and rendered here when the outbox sends it.
 */
@Component
class OrderArrivalMail implements MailDocuments {

    private final SpecialOrderStore orders;
    private final CustomerProperties properties;
    private final StoreProperties store;

    OrderArrivalMail(SpecialOrderStore orders, CustomerProperties properties, StoreProperties store) {
        this.orders = orders;
        this.properties = properties;
        this.store = store;
    }

    @Override
    public Set<String> documents() {
        return Set.of(SpecialOrderStore.ARRIVAL_MAIL);
    }

    @Override
    public Message render(String document, String orderNumber) {
        SpecialOrderView order = orders.find(orderNumber, false)
                .orElseThrow(() -> new IllegalStateException("special order " + orderNumber + " not found")).view();
        return new Message(properties.orderMail().from(),
                store.name() + " – your order " + order.orderNumber() + " has arrived", text(order), List.of());
    }

    private String text(SpecialOrderView order) {
        StringBuilder text = new StringBuilder();
        text.append("Your order ").append(order.orderNumber()).append(" has arrived and is waiting for you at ")
                .append(store.name()).append(", ").append(store.address()).append(".\n\n");
        order.lines().forEach(l -> text.append(l.quantity()).append(" x ").append(l.name()).append('\n'));
        text.append("\nDeposit paid: ").append(order.deposit().amount()).append(' ').append(order.currency())
                .append("\nTo pay at pickup: ").append(order.balance()).append(' ').append(order.currency())
                .append('\n');
        return text.toString();
    }
}
