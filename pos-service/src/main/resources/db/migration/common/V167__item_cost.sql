-- Issue 24/26: an item's unit cost, given by head office's price list lines (optional), is the floor below which
-- only a manager sells a line after manual changes (pos.discounts.floor-percent when an item has no cost).
ALTER TABLE ho_price_line ADD COLUMN cost NUMERIC(19, 4);
ALTER TABLE ho_price_line ADD CONSTRAINT ho_price_line_cost_not_negative CHECK (cost IS NULL OR cost >= 0);
ALTER TABLE item_price ADD COLUMN cost NUMERIC(19, 4);
