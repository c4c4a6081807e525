-- Issue 26: the store keeps head office's quick-key flag of each item it pulled (docs/head-office.md
-- "Items and prices"); the till's quick keys are then the flagged items instead of pos.till.quick-keys.
-- Items pulled before this version keep FALSE until head office sends them again.
ALTER TABLE item ADD COLUMN quick_key BOOLEAN DEFAULT FALSE NOT NULL;
