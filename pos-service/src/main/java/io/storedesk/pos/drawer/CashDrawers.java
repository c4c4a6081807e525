package io.storedesk.pos.drawer;

import java.time.LocalDate;

import io.storedesk.pos.common.Money;

/** The drawer module's API for other modules. */
public interface CashDrawers {

    /** The configured drawer; 422 {@code unknown-drawer} if there is none. */
    DrawerInfo drawer(String drawerId);

    /**
     * The drawer, for an operation at it (a sale, return, exchange, special-order deposit or
     * refund, drawer open, movement, no-sale or close): as {@link #drawer}, and 403 {@code
     * register-mismatch} or {@code register-token-unbound} when the request's register token was
     * issued for another register or for none ({@code CurrentUser.requireRegister}).
     */
    DrawerInfo drawerForOperation(String drawerId);

    /**
     * Books cash against the drawer's open session, in the caller's transaction; 409
     * {@code drawer-not-open} when the drawer has no open session. The session stays locked
     * until the caller commits, so a close cannot slip in between.
     *
     * @return the business date of the session the cash was booked to
     */
    LocalDate post(String drawerId, CashPosting posting);

    /**
     * Records a non-cash tender taken at the drawer's register (card, store credit...), for the
     * drawer's tender totals; it does not change the expected cash. Needs no open drawer.
     */
    void recordTender(String drawerId, String tender, Money amount, String reference, String actor);

    /**
     * Takes locks 1 and 2 of docs/locking.md in the caller's (mandatory) transaction: the
     * business-day lock (a day close waits until the caller commits) and the drawer's open
     * session, if any; then checks, under them, that the day is open. Every transaction that posts
     * to a business day calls this before it locks any other document.
     *
     * @return the business date a posting at this drawer belongs to (its open session's date, or today)
     * @throws io.storedesk.pos.common.ProblemException 409 {@code business-day-closed}
     */
    LocalDate holdDay(String drawerId);

    /**
     * The business date a transaction at this drawer belongs to: its open session's date, or
     * else the current business day; 409 {@code business-day-closed} when that day was closed.
     */
    LocalDate businessDate(String drawerId);
}
