package io.storedesk.pos.promotion;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;

import io.storedesk.pos.common.Money;

/**
 * What the engine prices: the basket's lines, whether a loyalty card was given, the coupons
 * presented, and the store-local time (validity dates and hours are store time).
 */
public record PromotionBasket(List<Line> lines, boolean loyaltyCard, Set<String> coupons, LocalDateTime time) {

    public PromotionBasket {
        lines = List.copyOf(lines);
        coupons = coupons == null ? Set.of() : Set.copyOf(coupons);
    }

    /** A basket line: its number, item, department, quantity and unit price (tax as the store prices). */
    public record Line(int lineNo, String sku, String department, int quantity, Money unitPrice) {
    }
}
