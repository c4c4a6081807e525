package io.storedesk.pos.promotion;

import io.storedesk.pos.common.Money;

/**
 * A coupon from a {@link CouponSource}: an amount off the basket (never more than is left to pay
 * after the promotions), shown among the promotions under its code.
 *
 * @param usedBy the receipt number of the sale that used it, or null while it is unused
 */
public record CouponOffer(String code, String description, Money amount, String usedBy) {

    public boolean used() {
        return usedBy != null;
    }
}
