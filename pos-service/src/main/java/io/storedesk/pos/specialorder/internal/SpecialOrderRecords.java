package io.storedesk.pos.specialorder.internal;

import java.util.List;
import java.util.UUID;

import io.storedesk.pos.common.Idempotency;
import io.storedesk.pos.customer.CustomerRecords;
import io.storedesk.pos.sale.TrainingTill;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A customer's special orders in the GDPR export; at erasure the notes of their orders are blanked and
 * unsent arrival e-mails dropped, the special orders taken for them in training are forgotten, and so are
 * the stored answers of special order requests that mention them. Deposits and their refunds stay.
 */
@Component
@Order(2)
class SpecialOrderRecords implements CustomerRecords {

    /** Idempotency scopes whose stored answers may hold a customer's personal data or free text about them. */
    static final List<String> ANSWERS_WITH_PERSONAL_DATA = List.of("special-order", "special-order-cancel");

    private final SpecialOrderStore orders;
    private final Idempotency idempotency;
    private final ObjectProvider<TrainingTill> training;

    SpecialOrderRecords(SpecialOrderStore orders, Idempotency idempotency, ObjectProvider<TrainingTill> training) {
        this.orders = orders;
        this.idempotency = idempotency;
        this.training = training;
    }

    @Override
    public String exportField() {
        return "specialOrders";
    }

    @Override
    public List<SpecialOrderView> export(UUID customerId) {
        return orders.list(customerId, null, 10_000);
    }

    @Override
    public void erase(UUID customerId) {
        orders.eraseTexts(customerId);
        // special orders taken in training for them are practice, kept by the training till: they go
        training.ifAvailable(till -> till.forgetCustomer(customerId.toString()));
        idempotency.eraseAnswers(ANSWERS_WITH_PERSONAL_DATA, customerId.toString());
    }
}
