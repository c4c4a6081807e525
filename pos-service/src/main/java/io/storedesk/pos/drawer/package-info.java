/**
 * Cash drawers and their sessions: which register each drawer belongs to, opening with a float
 * counted by denomination, every cash posting (sales, refunds, paid-in/out, safe drops) against
 * the open session, and the expected cash that follows from them.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Drawers")
package io.storedesk.pos.drawer;
