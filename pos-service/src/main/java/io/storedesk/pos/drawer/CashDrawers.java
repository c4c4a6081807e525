package io.storedesk.pos.drawer;

/** The drawer module's API for other modules. */
public interface CashDrawers {

    /** The configured drawer; 422 {@code unknown-drawer} if there is none. */
    DrawerInfo drawer(String drawerId);

    /**
     * Books cash against the drawer's open session, in the caller's transaction; 409
     * {@code drawer-not-open} when the drawer has no open session. The session stays locked
     * until the caller commits, so a close cannot slip in between.
     */
    void post(String drawerId, CashPosting posting);
}
