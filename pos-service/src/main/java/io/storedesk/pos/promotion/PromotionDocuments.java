package io.storedesk.pos.promotion;

import java.util.ArrayList;
import java.util.List;

import io.storedesk.pos.promotion.internal.PromotionJson;
import tools.jackson.databind.json.JsonMapper;

/**
 * Promotions as JSON documents carry them (the seed file, head office's promotion sets): a JSON
 * array of promotion objects, amounts and percentages as strings ("10.00"), dates ISO, times
 * "HH:mm", days "MONDAY"; absent fields take their defaults.
 */
public final class PromotionDocuments {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private PromotionDocuments() {
    }

    /**
     * @param jsonArray a JSON array of promotions, e.g. the {@code promotions} of a head-office set
     * @throws IllegalArgumentException naming the promotion (by position and code) that cannot be read
     */
    public static List<Promotion> parse(String jsonArray) {
        PromotionJson[] read;
        try {
            read = JSON.readValue(jsonArray, PromotionJson[].class);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("promotions are not a JSON array of promotions: " + e.getMessage(), e);
        }
        List<Promotion> promotions = new ArrayList<>(read == null ? 0 : read.length);
        for (int i = 0; read != null && i < read.length; i++) {
            try {
                promotions.add(read[i].toPromotion());
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("promotion %d (%s): %s".formatted(i + 1,
                        read[i] == null ? "null" : read[i].code(), e.getMessage()), e);
            }
        }
        return List.copyOf(promotions);
    }
}
