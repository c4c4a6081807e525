-- Gift cards at the store (issue 26): this store's offline redemptions of a card that head office has
-- not applied yet, one row per card. A sale spending a card offline locks the card's row (SELECT ...
-- FOR UPDATE, docs/locking.md lock 8b) in its own transaction and checks the store's offline allowance
-- under that lock, so tills spending one card at the same moment share one allowance. The sync worker
-- takes the amount off when head office acknowledged the redemption (and deletes the row at zero).
-- The card number is the key here as it is at head office; it is never hashed, logged or in an op id.
CREATE TABLE gift_card_offline_spend (
    number  VARCHAR(32)    NOT NULL PRIMARY KEY,
    amount  NUMERIC(19, 4) NOT NULL
);
