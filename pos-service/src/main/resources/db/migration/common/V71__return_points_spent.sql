-- Issue 22, finding 7: the value of earned loyalty points already spent that a return took back
-- from its refund (negative; null when none). See docs/locking.md.
ALTER TABLE sale_return ADD COLUMN points_spent NUMERIC(19, 4);
