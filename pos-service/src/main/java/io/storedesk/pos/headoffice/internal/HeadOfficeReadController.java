package io.storedesk.pos.headoffice.internal;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import io.storedesk.pos.common.ProblemException;
import io.storedesk.pos.promotion.PromotionJsonCodec;
import io.storedesk.pos.promotion.PromotionSet;
import io.storedesk.pos.promotion.Promotions;
import org.springframework.context.annotation.Profile;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * What head office gives out: promotion sets (GET since a version; PUT publishes the next),
 * and the consolidated daily report (the loyalty feed: {@link LoyaltyFeedController}).
 */
@RestController
@Profile("head-office")
class HeadOfficeReadController {

    static final int MAX_LIMIT = 1000;

    private final Promotions promotions;
    private final ConsolidatedReports reports;

    HeadOfficeReadController(Promotions promotions, ConsolidatedReports reports) {
        this.promotions = promotions;
        this.reports = reports;
    }

    @GetMapping("/api/ho/v1/promotions")
    ResponseEntity<Map<String, Object>> promotions(@RequestParam(defaultValue = "0") long since) {
        PromotionSet set = promotions.current();
        if (set.version() <= since) {
            return ResponseEntity.noContent().build();
        }
        return ResponseEntity.ok(view(set));
    }

    @PutMapping("/api/ho/v1/promotions")
    Map<String, Object> publish(@RequestBody JsonNode body) {
        JsonNode list = body == null ? null : body.get("promotions");
        java.util.List<io.storedesk.pos.promotion.Promotion> parsed;
        try {
            parsed = PromotionJsonCodec.parse(list);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("promotions", e.getMessage() == null ? "are not valid" : e.getMessage());
        }
        return view(promotions.install(promotions.current().version() + 1, "head-office", parsed));
    }

    @GetMapping("/api/ho/v1/reports/daily")
    Map<String, Object> daily(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @RequestParam(required = false) String storeId) {
        return reports.daily(date, storeId == null || storeId.isBlank() ? null : storeId.strip());
    }

    private static Map<String, Object> view(PromotionSet set) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("version", set.version());
        out.put("publishedAt", set.installedAt().toString());
        out.put("promotions", PromotionJsonCodec.toJson(set.promotions()));
        return out;
    }
}
