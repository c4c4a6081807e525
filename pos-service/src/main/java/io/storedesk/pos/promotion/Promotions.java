package io.storedesk.pos.promotion;

import java.util.List;

/** The promotion module's API. */
public interface Promotions {

    /** The installed set; version 0 with no promotions before any set was installed. */
    PromotionSet current();

    /**
     * Installs a new set (head-office sync calls this), stored so it survives restarts, and
     * prices every basket from then on with it.
     *
     * @throws io.storedesk.pos.common.ProblemException 409 {@code promotion-set-outdated} unless
     *         {@code version} is above the current version; 422 {@code invalid-promotion-set} when
     *         two promotions share a code
     */
    PromotionSet install(long version, String source, List<Promotion> promotions);

    /** The promotions that run now at this store (validity dates, days and hours), in priority order. */
    List<Promotion> activeNow();

    /**
     * Prices a basket with the current set.
     *
     * @throws io.storedesk.pos.common.ProblemException 422 {@code unknown-coupon} for a coupon that no
     *         promotion of the current set knows
     */
    PromotionOutcome apply(PromotionBasket basket);
}
