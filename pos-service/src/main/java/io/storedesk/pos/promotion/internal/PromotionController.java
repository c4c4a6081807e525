package io.storedesk.pos.promotion.internal;

import java.util.List;

import io.storedesk.pos.promotion.PromotionSet;
import io.storedesk.pos.promotion.Promotions;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/promotions")
class PromotionController {

    private final Promotions promotions;

    PromotionController(Promotions promotions) {
        this.promotions = promotions;
    }

    /** The promotions running at this store now, highest priority first, with the set's version. */
    @GetMapping
    ActiveView active() {
        PromotionSet set = promotions.current();
        return new ActiveView(set.version(), set.source(), set.installedAt().toString(),
                promotions.activeNow().stream().map(PromotionJson::of).toList());
    }

    record ActiveView(long version, String source, String installedAt, List<PromotionJson> promotions) {
    }
}
