-- Issue 26: a gift card sold (ACTIVATE) or reloaded (RELOAD) at the till as a sale line. The line keeps the
-- card's number masked (never the number), the kind, head office's op id and the balance it answered.
ALTER TABLE sale_line ADD COLUMN gift_card VARCHAR(40);
ALTER TABLE sale_line ADD COLUMN gift_card_kind VARCHAR(10);
ALTER TABLE sale_line ADD COLUMN gift_card_op VARCHAR(64);
ALTER TABLE sale_line ADD COLUMN gift_card_balance NUMERIC(19, 4);
