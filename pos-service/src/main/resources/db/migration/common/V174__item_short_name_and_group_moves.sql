-- Issue 26: an item's optional short label for quick keys and narrow displays (at most 18 characters,
-- checked by head office), kept per item at head office and at the store that pulled it; receipts keep the
-- full name. Wider than 18 so that the check is the application's (characters, not bytes or UTF-16 units).
ALTER TABLE ho_item ADD COLUMN short_name VARCHAR(40);
ALTER TABLE item ADD COLUMN short_name VARCHAR(40);
-- Issue 26: a store moved to another store group (docs/head-office.md "A store moved to another group"):
-- the catalogue version of its last move; a price-feed cursor of an earlier move starts the store's
-- price schedule over with its group's lists. 0: never moved since this version (cursors stay valid).
ALTER TABLE ho_store_group ADD COLUMN moved_version BIGINT DEFAULT 0 NOT NULL;
