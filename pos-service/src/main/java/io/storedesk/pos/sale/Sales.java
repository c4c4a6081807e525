package io.storedesk.pos.sale;

import java.util.Optional;

/** The sale module's API for other modules. */
public interface Sales {

    Optional<SaleView> find(String receiptNumber);
}
