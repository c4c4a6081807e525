/**
 * Printed documents: turns sales (and later returns, drawer closes and Z reports) into the
 * receipt-printing library's model and renders them as PDF (80 or 58 mm roll) or as ESC/POS
 * bytes for a thermal printer, as originals, marked copies or gift receipts.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Printing")
package io.storedesk.pos.printing;
