/**
 * Device-independent layout shared by the renderers: {@link io.storedesk.receipt.layout.ReceiptComposer}
 * decides what a document shows (and what a gift receipt or a copy hides or adds) as a list of
 * {@link io.storedesk.receipt.layout.Block}s; each renderer then only decides how a block looks on
 * its medium. Also holds number and date formatting, captions and word wrapping.
 */
package io.storedesk.receipt.layout;
