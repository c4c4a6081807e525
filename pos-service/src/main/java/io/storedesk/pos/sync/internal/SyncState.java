package io.storedesk.pos.sync.internal;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The sync's small key/value state (table {@code sync_state}), kept across restarts. */
@Component
class SyncState {

    static final String LAST_PUSH_AT = "last-push-at";
    static final String LAST_PULL_AT = "last-pull-at";
    static final String PROMOTION_VERSION = "promotion-version";
    static final String LOYALTY_CURSOR = "loyalty-cursor";
    static final String ITEM_CURSOR = "item-cursor";
    static final String PRICE_CURSOR = "price-cursor";
    static final String LAST_ERROR = "last-error";
    static final String LAST_ERROR_AT = "last-error-at";

    private final JdbcClient jdbc;

    SyncState(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<String> get(String name) {
        return jdbc.sql("SELECT state_value FROM sync_state WHERE state_key = ?").param(name)
                .query((rs, n) -> Optional.ofNullable(rs.getString(1))).optional().flatMap(v -> v);
    }

    long getLong(String name) {
        return get(name).map(Long::parseLong).orElse(0L);
    }

    /** Upsert by UPDATE then INSERT (portable; only the sync worker writes here). */
    void put(String name, Object value) {
        String v = value == null ? null : value.toString();
        if (jdbc.sql("UPDATE sync_state SET state_value = ? WHERE state_key = ?").params(v, name).update() == 0) {
            jdbc.sql("INSERT INTO sync_state (state_key, state_value) VALUES (?, ?)").params(name, v).update();
        }
    }
}
