/**
 * Printed documents: the sale receipt (PDF roll or ESC/POS, originals, marked copies and gift
 * receipts, printed, e-mailed through the receipt e-mail outbox), the cash drawer kick after cash
 * sales and refunds, and the written confirmations of complaints (A4 PDF, ESC/POS, e-mailed).
 * Its nested module {@code printing.documents} is the printing library the other modules call to
 * lay out and serve their own documents (returns, invoices, drawer closes, X and Z reports).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Printing")
package io.storedesk.pos.printing;
