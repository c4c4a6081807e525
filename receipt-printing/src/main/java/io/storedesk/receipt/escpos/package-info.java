/**
 * ESC/POS output for thermal receipt printers: {@link io.storedesk.receipt.escpos.EscPosReceiptRenderer}
 * turns a receipt into the bytes a printer understands, choosing a single-byte code page that fits
 * the receipt's text ({@link io.storedesk.receipt.escpos.CodePageTable}) and transliterating what the
 * page lacks. {@link io.storedesk.receipt.escpos.EscPosCommands} has the stand-alone commands such as
 * the cash drawer kick.
 */
package io.storedesk.receipt.escpos;
