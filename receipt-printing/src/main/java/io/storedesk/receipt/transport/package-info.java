/**
 * Getting bytes to a printer: {@link io.storedesk.receipt.transport.PrinterTransport} with a raw TCP
 * (port 9100) and a file or device implementation. Failures become a
 * {@link io.storedesk.receipt.transport.PrinterException} whose message can be shown to the clerk.
 */
package io.storedesk.receipt.transport;
