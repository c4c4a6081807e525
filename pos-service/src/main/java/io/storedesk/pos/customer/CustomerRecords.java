package io.storedesk.pos.customer;

import java.util.List;
import java.util.UUID;

/**
 * What another module keeps about customers (their service cases, their special orders), for the
 * customer module's GDPR requests: a module that keeps such records implements this, so that the
 * customer module exports and erases them without depending on that module. Both calls run in the
 * transaction of the request, after the customer's row was locked (lock 5 of docs/locking.md).
 */
public interface CustomerRecords {

    /** The field of the customer's export that holds these records, e.g. {@code cases}. */
    String exportField();

    /** The records kept about the customer, as they are exported. */
    List<?> export(UUID customerId);

    /**
     * Erasure: blanks the personal data and free text of the customer's records (and the stored
     * Idempotency-Key answers that hold them); financial records, amounts, codes and dates stay.
     */
    void erase(UUID customerId);
}
