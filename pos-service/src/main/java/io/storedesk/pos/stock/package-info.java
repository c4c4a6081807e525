/**
 * Stock (issue 26): on hand per SKU and the append-only movements that change it. Sales, restocked
 * returns, post-voids and exchanges move stock in the document's own transaction (synchronous
 * listeners of the document's events); goods received by scan, adjustments with a reason and counts
 * are the stock module's own documents. Every movement goes to head office through the outbox
 * ({@link StockMoved}, event {@code STOCK_MOVEMENT}); head office's quantities of the other stores
 * are asked for online at the desk. Negative stock is allowed: a sale is never blocked by it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Stock")
package io.storedesk.pos.stock;
