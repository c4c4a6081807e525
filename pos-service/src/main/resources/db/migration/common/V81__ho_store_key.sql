-- Store keys at head office (issue 25): never in clear, a salted SHA-256 of each key; several keys
-- per store may be valid at once (rotation: issue the new key, move the store to it, revoke the
-- old one); a revoked key stays revoked, also when it is still in the configuration (the seed).
CREATE TABLE ho_store_key (
    key_id      VARCHAR(36)              NOT NULL PRIMARY KEY,
    store_id    VARCHAR(32)              NOT NULL,
    salt        VARCHAR(32)              NOT NULL,
    key_hash    VARCHAR(64)              NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by  VARCHAR(100)             NOT NULL,
    revoked_at  TIMESTAMP WITH TIME ZONE,
    revoked_by  VARCHAR(100)
);
CREATE INDEX ho_store_key_store ON ho_store_key (store_id);
