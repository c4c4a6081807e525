package io.storedesk.pos.promotion;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.storedesk.pos.promotion.internal.PromotionJson;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Promotions to and from the JSON that the seed file ({@code config/seed/promotions.json}),
 * {@code GET /api/v1/promotions} and the head-office sync carry: amounts and percentages as
 * strings, dates ISO, times "HH:mm", absent fields at their defaults.
 */
public final class PromotionJsonCodec {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private PromotionJsonCodec() {
    }

    /**
     * @param promotions a JSON array of promotions
     * @throws IllegalArgumentException naming the promotion (by position) that is not valid
     */
    public static List<Promotion> parse(JsonNode promotions) {
        if (promotions == null || !promotions.isArray()) {
            throw new IllegalArgumentException("promotions must be an array");
        }
        List<Promotion> out = new ArrayList<>();
        for (int i = 0; i < promotions.size(); i++) {
            try {
                out.add(JSON.treeToValue(promotions.get(i), PromotionJson.class).toPromotion());
            } catch (RuntimeException e) {
                String code = promotions.get(i).path("code").asString("");
                throw new IllegalArgumentException("promotions[%d]%s: %s".formatted(i,
                        code.isEmpty() ? "" : " (" + code + ")", e.getMessage()), e);
            }
        }
        return out;
    }

    /** The same as {@link #parse(JsonNode)} for already-read JSON objects (maps of field to value). */
    public static List<Promotion> parse(List<Map<String, Object>> promotions) {
        return parse(JSON.valueToTree(promotions));
    }

    /** The promotions as JSON objects, in the order given (absent fields left out). */
    public static List<Map<String, Object>> toJson(List<Promotion> promotions) {
        return JSON.convertValue(promotions.stream().map(PromotionJson::of).toList(),
                new TypeReference<List<Map<String, Object>>>() {
                });
    }
}
