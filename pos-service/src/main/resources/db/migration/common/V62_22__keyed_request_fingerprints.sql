-- Issue 22, finding 3: request fingerprints were plain SHA-256 hashes of the request JSON, card
-- number and expiry included, so a card number could be rebuilt from a copy of the database.
-- From now on they are "h1:" + HMAC-SHA256 (keyed with the secret in <data-dir>/secrets/, never
-- in the database) over the request without its card data: 67 characters.
ALTER TABLE idempotency_record ALTER COLUMN request_hash SET DATA TYPE VARCHAR(80);

-- Every plain hash is withdrawn: which of them covered card data cannot be told from the hash
-- alone, and none may stay. The record and its stored result stay, so a repeat of a request that
-- was answered before the upgrade still replays its first result and never charges again; such a
-- record can no longer tell its request from another one (see Idempotency).
UPDATE idempotency_record SET request_hash = 'h0:withdrawn' WHERE request_hash NOT LIKE 'h1:%';
