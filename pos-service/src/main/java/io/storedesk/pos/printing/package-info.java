/**
 * Printed documents: turns sales (and later returns, drawer closes and Z reports) into the
 * receipt-printing library's model and renders them as PDF (80 or 58 mm roll) or as ESC/POS
 * bytes for a thermal printer, as originals, marked copies or gift receipts; and the written
 * confirmations of complaints (A4 PDF, ESC/POS, e-mailed through the receipt e-mail outbox).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Printing")
package io.storedesk.pos.printing;
