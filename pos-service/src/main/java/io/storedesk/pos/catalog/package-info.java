/**
 * The item catalogue: SKUs, EAN-13 barcodes, names, departments, tax-inclusive prices and tax
 * categories with their rates. Lookups by SKU or barcode come from an in-memory index; search
 * is case and accent insensitive.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Catalogue")
package io.storedesk.pos.catalog;
