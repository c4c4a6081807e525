package io.storedesk.pos.promotion;

import java.time.Instant;
import java.util.List;

/**
 * A versioned set of promotions, as head office publishes it: installing a set replaces the
 * previous one as a whole. Versions only go up.
 *
 * @param source where it came from, e.g. {@code seed:config/seed/promotions.json} or {@code head-office}
 */
public record PromotionSet(long version, String source, Instant installedAt, List<Promotion> promotions) {

    public PromotionSet {
        promotions = List.copyOf(promotions);
    }
}
