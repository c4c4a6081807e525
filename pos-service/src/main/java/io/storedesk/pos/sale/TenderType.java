package io.storedesk.pos.sale;

/** Ways to pay. Change is only ever given in cash. */
public enum TenderType {
    CASH, CARD, STORE_CREDIT, LOYALTY_POINTS,
    /** A gift card: its balance is head office's (docs/head-office.md, "Gift cards"). */
    GIFT_CARD,
    /** The value of goods returned in an exchange, paying for the exchange's new goods; never in a request. */
    EXCHANGE,
    /**
     * A customer order's deposit, taken (cash or card) when the goods were ordered, paying the
     * pickup sale first; never in a request.
     */
    DEPOSIT
}
