package io.storedesk.pos.promotion;

import java.util.Optional;

/**
 * Coupons kept outside the promotion set (e.g. goodwill coupons given by the customer care desk),
 * each worth an amount off the basket and good for one sale. Implemented by the module that
 * issues them; the promotion engine asks every source for a code no promotion of the set knows.
 */
public interface CouponSource {

    /** The coupon with this (normalized, upper-case) code, if this source issued it; used or not. */
    Optional<CouponOffer> find(String code);

    /**
     * Marks the coupon used by the sale, in the sale's (mandatory) transaction.
     *
     * @throws io.storedesk.pos.common.ProblemException 422 {@code coupon-already-used} when another
     *         sale used it first (the sale then does not complete)
     */
    void redeem(String code, String receiptNumber);
}
