/**
 * Promotions: versioned promotion sets (from head office, or the demo seed in {@code config/seed/})
 * kept in the database, and the pricing engine that works out, deterministically and explainably,
 * which promotions a basket earns, the discount of each and how it falls on the basket's lines.
 * Knows nothing about sales: the sale module hands the engine a {@link PromotionBasket}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Promotions")
package io.storedesk.pos.promotion;
