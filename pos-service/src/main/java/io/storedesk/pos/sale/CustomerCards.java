package io.storedesk.pos.sale;

import java.util.Optional;

/**
 * Which loyalty card a customer id stands for, so sales can be searched by customer (a sale
 * knows the card given at the till, not the customer). Implemented by the customer module; the
 * sale module does not depend on it.
 */
public interface CustomerCards {

    /** The customer's loyalty card; empty for an unknown customer or one without a card. */
    Optional<String> loyaltyCardOf(String customerId);
}
