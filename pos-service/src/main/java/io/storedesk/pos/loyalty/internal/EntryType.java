package io.storedesk.pos.loyalty.internal;

/** Kinds of points-ledger entries; the sign of their points is fixed by the kind. */
enum EntryType {
    /** Points a sale earned (+). */
    EARN,
    /** Earned points taken back because the sale was returned or voided (-). */
    EARN_REVERSED,
    /** Points spent as the LOYALTY_POINTS tender (-). */
    REDEEM,
    /** Spent points given back by a void or return of the sale they paid (+). */
    REDEEM_RETURNED,
    /**
     * Earned points taken back by a return that the customer had already spent, repaid by money
     * kept back from the refund (+, as many as the EARN_REVERSED beyond the balance); the amount is
     * the money kept back.
     */
    EARN_REPAID,
    /** Earned points that reached their expiry unspent (-). */
    EXPIRE
}
