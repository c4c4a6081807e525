package io.storedesk.pos.promotion.internal;

import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;

import io.storedesk.pos.promotion.Promotion;
import io.storedesk.pos.promotion.PromotionSet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Promotion sets in table {@code promotion_set}, one row per installed version, the promotions as JSON. */
@Component
class PromotionSetStore {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;

    PromotionSetStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<PromotionSet> latest() {
        return jdbc.sql("SELECT version, source, installed_at, content FROM promotion_set ORDER BY version DESC")
                .query((rs, n) -> new PromotionSet(rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant(),
                        read(rs.getString(4)).promotions().stream().map(PromotionJson::toPromotion).toList()))
                .stream().findFirst();
    }

    long latestVersion() {
        return jdbc.sql("SELECT COALESCE(MAX(version), 0) FROM promotion_set").query(Long.class).single();
    }

    void insert(PromotionSet set) {
        String content = JSON.writeValueAsString(new PromotionJson.SetFile(set.version(),
                set.promotions().stream().map(PromotionJson::of).toList()));
        jdbc.sql("INSERT INTO promotion_set (version, source, installed_at, promotion_count, content) VALUES (?, ?, ?, ?, ?)")
                .params(set.version(), set.source(), Timestamp.from(set.installedAt()), set.promotions().size(), content)
                .update();
    }

    static PromotionJson.SetFile read(String json) {
        return JSON.readValue(json, PromotionJson.SetFile.class);
    }

    static List<Promotion> promotions(PromotionJson.SetFile file) {
        return file.promotions() == null ? List.of() : file.promotions().stream().map(PromotionJson::toPromotion).toList();
    }
}
