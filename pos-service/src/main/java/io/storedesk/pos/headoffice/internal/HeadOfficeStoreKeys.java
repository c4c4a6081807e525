package io.storedesk.pos.headoffice.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.storedesk.pos.common.ClusterLocks;
import io.storedesk.pos.common.ProblemException;
import io.storedesk.pos.identity.StoreKeys;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The stores' keys, in table {@code ho_store_key} as salted SHA-256 hashes (never in clear), read on
 * every sign-in, so a key issued or revoked on one node holds on every node at once, without a
 * restart. The keys of {@code pos.head-office.store-keys.<storeId>} are a seed: stored at start-up
 * unless that store already has that key (a revoked one stays revoked).
 */
@Component
@Profile("head-office")
class HeadOfficeStoreKeys implements StoreKeys {

    static final String CONFIG = "config";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcTemplate jdbc;
    private final ClusterLocks locks;
    private final Clock clock;

    HeadOfficeStoreKeys(JdbcTemplate jdbc, ClusterLocks locks, Clock clock) {
        this.jdbc = jdbc;
        this.locks = locks;
        this.clock = clock;
    }

    /** A store's key as listed: never the key itself. */
    record KeyView(String keyId, String storeId, OffsetDateTime createdAt, String createdBy, OffsetDateTime revokedAt,
            String revokedBy) {
    }

    /** A key just issued: the only time the key itself is shown. */
    record IssuedKey(String keyId, String storeId, String key, OffsetDateTime createdAt, String createdBy) {
    }

    private record Stored(String keyId, String salt, String hash, boolean revoked) {
    }

    @Override
    public boolean matches(String storeId, String key) {
        if (storeId == null || key == null || key.isBlank()) {
            return false;
        }
        boolean found = false;
        for (Stored s : stored(storeId)) {
            // every row is compared, in constant time each, whether or not one matched already
            boolean same = MessageDigest.isEqual(s.hash().getBytes(StandardCharsets.US_ASCII),
                    hash(s.salt(), key).getBytes(StandardCharsets.US_ASCII));
            found |= same && !s.revoked();
        }
        return found;
    }

    /** Stores the configured keys that are not stored yet for their store; nodes starting together store each once. */
    @Transactional
    int seed(Map<String, String> configured) {
        locks.holdForTransaction("seed:store-keys");
        int added = 0;
        for (Map.Entry<String, String> e : configured.entrySet()) {
            if (e.getValue() == null || e.getValue().isBlank()) {
                continue;
            }
            boolean known = stored(e.getKey()).stream()
                    .anyMatch(s -> s.hash().equals(hash(s.salt(), e.getValue())));
            if (!known) {
                insert(e.getKey(), e.getValue(), CONFIG);
                added++;
            }
        }
        return added;
    }

    /** Issues a new random key for the store; the store's other keys stay valid until revoked. */
    @Transactional
    IssuedKey issue(String storeId, String by) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String key = "sk_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        KeyView view = insert(storeId, key, by);
        return new IssuedKey(view.keyId(), storeId, key, view.createdAt(), by);
    }

    @Transactional(readOnly = true)
    List<KeyView> of(String storeId) {
        return jdbc.query("SELECT key_id, store_id, created_at, created_by, revoked_at, revoked_by FROM ho_store_key "
                + "WHERE store_id = ? ORDER BY created_at, key_id", (rs, n) -> view(rs), storeId);
    }

    /** Revokes the key (a key revoked already keeps its first revocation); 404 for a key the store does not have. */
    @Transactional
    KeyView revoke(String storeId, String keyId, String by) {
        jdbc.update("UPDATE ho_store_key SET revoked_at = ?, revoked_by = ? WHERE store_id = ? AND key_id = ? "
                + "AND revoked_at IS NULL", Timestamp.from(clock.instant()), by, storeId, keyId);
        return jdbc.query("SELECT key_id, store_id, created_at, created_by, revoked_at, revoked_by FROM ho_store_key "
                + "WHERE store_id = ? AND key_id = ?", (rs, n) -> view(rs), storeId, keyId).stream().findFirst()
                .orElseThrow(() -> ProblemException.notFound("Store key", keyId));
    }

    private KeyView insert(String storeId, String key, String by) {
        byte[] saltBytes = new byte[16];
        RANDOM.nextBytes(saltBytes);
        String salt = HexFormat.of().formatHex(saltBytes);
        String keyId = UUID.randomUUID().toString();
        OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
        jdbc.update("INSERT INTO ho_store_key (key_id, store_id, salt, key_hash, created_at, created_by) "
                + "VALUES (?, ?, ?, ?, ?, ?)", keyId, storeId, salt, hash(salt, key), Timestamp.from(now.toInstant()), by);
        return new KeyView(keyId, storeId, now, by, null, null);
    }

    private List<Stored> stored(String storeId) {
        return jdbc.query("SELECT key_id, salt, key_hash, revoked_at FROM ho_store_key WHERE store_id = ?",
                (rs, n) -> new Stored(rs.getString(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4) != null),
                storeId);
    }

    private static KeyView view(ResultSet rs) throws SQLException {
        Timestamp revoked = rs.getTimestamp(5);
        return new KeyView(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant().atOffset(ZoneOffset.UTC),
                rs.getString(4), revoked == null ? null : revoked.toInstant().atOffset(ZoneOffset.UTC), rs.getString(6));
    }

    static String hash(String salt, String key) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(salt.getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(sha.digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
