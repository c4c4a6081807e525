-- Gift cards (issue 26): what was left on a gift card after it paid a sale, for the receipt.
ALTER TABLE sale_tender ADD COLUMN balance_after NUMERIC(19, 4);
