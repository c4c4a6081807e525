package io.storedesk.pos.sale;

import java.util.List;

/** The reason codes a price override or manual discount may give ({@code pos.discounts.reasons}), for the pages. */
public interface DiscountReasons {

    List<String> reasons();
}
