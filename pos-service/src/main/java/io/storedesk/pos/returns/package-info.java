/**
 * Returns of sold goods against their receipt: checks the return window (a manager may approve
 * a late return), counts returned quantities on the sold lines so no line is returned twice,
 * refunds what was actually paid per unit to the original tender (card first, then cash) or in
 * cash, numbers returns gaplessly per register and journals every completed return.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Returns")
package io.storedesk.pos.returns;
