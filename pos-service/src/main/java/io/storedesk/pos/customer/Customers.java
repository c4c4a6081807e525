package io.storedesk.pos.customer;

import java.util.Optional;

/** The customer module's API for other modules. */
public interface Customers {

    Optional<CustomerView> find(String customerId);

    /** The (not erased) customer holding this loyalty card. */
    Optional<CustomerView> findByLoyaltyCard(String loyaltyCard);
}
