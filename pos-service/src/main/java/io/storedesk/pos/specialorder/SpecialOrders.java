package io.storedesk.pos.specialorder;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** The special orders as other modules see them: their figures for the customer care report. */
public interface SpecialOrders {

    /** Orders placed, picked up and cancelled from (inclusive) to (exclusive), and the deposits held now. */
    Figures figures(OffsetDateTime from, OffsetDateTime to);

    /**
     * @param openDeposits orders not yet picked up or cancelled (ORDERED or ARRIVED) now
     * @param depositsHeld the sum of their deposits, in the store's currency (as stored)
     */
    record Figures(long placed, long pickedUp, long cancelled, long openDeposits, BigDecimal depositsHeld) {
    }
}
