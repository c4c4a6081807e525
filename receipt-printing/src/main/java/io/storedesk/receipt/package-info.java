/**
 * Receipt printing: an immutable {@link io.storedesk.receipt.Receipt} model that the service fills
 * with already computed, already scaled amounts, and renderers that turn it into bytes. The library
 * only formats; it never computes money. PDF output lives in {@code pdf}, thermal printer bytes in
 * {@code escpos}, and the ways of getting bytes to a printer in {@code transport}.
 */
package io.storedesk.receipt;
