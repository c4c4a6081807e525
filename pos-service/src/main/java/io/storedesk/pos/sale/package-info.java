/**
 * Baskets, pricing and completed sales: prices lines with their tax, allocates discounts to
 * lines so each knows what was actually paid, takes tenders (with cash rounding and change),
 * numbers receipts gaplessly per register and journals every completed sale.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Sales")
package io.storedesk.pos.sale;
