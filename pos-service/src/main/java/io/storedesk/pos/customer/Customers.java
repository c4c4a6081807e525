package io.storedesk.pos.customer;

import java.util.Optional;

/** The customer module's API for other modules. */
public interface Customers {

    Optional<CustomerView> find(String customerId);

    /** The (not erased) customer holding this loyalty card. */
    Optional<CustomerView> findByLoyaltyCard(String loyaltyCard);

    /**
     * Reads the customer (without loyalty balance) and locks its row until the caller's transaction
     * ends: lock 5 of docs/locking.md, for decisions per customer such as goodwill over a window.
     */
    Optional<CustomerView> lock(String customerId);
}
