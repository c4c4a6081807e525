/**
 * Loyalty: accounts linked to customers and cards, with the balance last known from head office
 * (a snapshot) and an append-only points ledger on top of it: points earned on what a sale paid
 * in money (outside excluded departments, times the card's tier), redeemed as the
 * {@code LOYALTY_POINTS} tender at a configured point value, taken back when the sale is returned
 * or voided, and expired after a configured number of months. Offline, a card may redeem at most
 * the last known balance less the store's own redemptions not yet synced.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Loyalty")
package io.storedesk.pos.loyalty;
