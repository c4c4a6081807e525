/**
 * PDF output with Apache PDFBox: {@link io.storedesk.receipt.pdf.PdfReceiptRenderer} for 80/58 mm
 * roll receipts with the page height fitted to the content, and
 * {@link io.storedesk.receipt.pdf.A4Document}, the one A4 page layout of the service: the invoices
 * ({@link io.storedesk.receipt.pdf.PdfInvoiceRenderer}), the store's reports and its letters are all
 * laid out on it, and no code outside this package loads a font or draws on a page. Text is set in
 * the embedded DejaVu Sans Condensed (subset into each document); layouts are measured first into
 * drawing operations, then painted.
 */
package io.storedesk.receipt.pdf;
