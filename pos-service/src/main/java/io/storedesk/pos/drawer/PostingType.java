package io.storedesk.pos.drawer;

/** Why money went into (positive) or out of (negative) a drawer. */
public enum PostingType {
    /** Cash taken for a sale (after cash rounding and change). */
    SALE,
    /** Cash paid back for a return or void. */
    REFUND,
    /** Cash put into the drawer, e.g. extra change from the safe. */
    PAID_IN,
    /** Cash paid out of the drawer for an expense, with a reason. */
    PAID_OUT,
    /** Cash taken from the drawer to the safe during the shift. */
    SAFE_DROP,
    /** Cash collected from the drawer by a manager. */
    PICKUP,
    /** Cash taken as the deposit of a customer (special) order; the goods are sold at pickup. */
    DEPOSIT,
    /** Cash paid back out of a cancelled customer order's deposit. */
    DEPOSIT_REFUND,
    /** A non-cash tender taken at the register; does not change the expected cash. */
    TENDER
}
