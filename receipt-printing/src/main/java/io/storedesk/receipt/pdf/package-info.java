/**
 * PDF output with Apache PDFBox: {@link io.storedesk.receipt.pdf.PdfReceiptRenderer} for 80/58 mm
 * roll receipts with the page height fitted to the content, and
 * {@link io.storedesk.receipt.pdf.PdfInvoiceRenderer} for A4 invoices. Text is set in the embedded
 * DejaVu Sans Condensed (subset into each document); layouts are measured first
 * into drawing operations, then painted.
 */
package io.storedesk.receipt.pdf;
