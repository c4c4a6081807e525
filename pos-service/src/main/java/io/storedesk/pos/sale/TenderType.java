package io.storedesk.pos.sale;

/** Ways to pay. Change is only ever given in cash. */
public enum TenderType {
    CASH, CARD, STORE_CREDIT, LOYALTY_POINTS,
    /** The value of goods returned in an exchange, paying for the exchange's new goods; never in a request. */
    EXCHANGE
}
