package io.storedesk.pos.sale.internal;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;

import io.storedesk.pos.common.StoreProperties;
import io.storedesk.pos.promotion.PromotionBasket;
import io.storedesk.pos.promotion.PromotionOutcome;
import io.storedesk.pos.promotion.Promotions;
import io.storedesk.pos.sale.BasketLine;
import io.storedesk.pos.sale.BasketPricer;
import io.storedesk.pos.sale.ManualDiscounts;
import io.storedesk.pos.sale.PricedBasket;
import org.springframework.stereotype.Component;

/**
 * Prices a basket with its promotions: asks the promotion engine (at the store's local time,
 * with the loyalty card and coupons given), hands its line and basket discounts to the pricer,
 * which allocates them to lines, and lists the promotions applied on the priced basket.
 */
@Component
class BasketPromotions {

    private final Promotions promotions;
    private final StoreProperties store;
    private final Clock clock;

    BasketPromotions(Promotions promotions, StoreProperties store, Clock clock) {
        this.promotions = promotions;
        this.store = store;
        this.clock = clock;
    }

    /** An overridden line is promoted from its overridden price; the manual discounts come after the promotions. */
    PricedBasket price(BasketPricer pricer, List<BasketLine> lines, String loyaltyCard, List<String> coupons,
            ManualDiscounts manual) {
        PromotionOutcome outcome = promotions.apply(new PromotionBasket(
                lines.stream().map(l -> new PromotionBasket.Line(l.lineNo(), l.item().sku(), l.item().department(),
                        l.quantity(), manual.unitPrice(l))).toList(),
                loyaltyCard != null && !loyaltyCard.isBlank(), coupons == null ? Set.of() : Set.copyOf(coupons),
                LocalDateTime.now(clock.withZone(store.zone()))));
        return pricer.price(lines, outcome.lineDiscounts(), outcome.basketDiscount(), manual)
                .withPromotions(outcome.applied().stream()
                        .map(a -> new PricedBasket.Promotion(a.code(), a.description(), a.amount())).toList());
    }

    /** Single-use coupons (e.g. goodwill coupons) are marked used by the sale, in its transaction. */
    void redeemCoupons(List<String> coupons, String receiptNumber) {
        promotions.redeemCoupons(coupons, receiptNumber);
    }
}
