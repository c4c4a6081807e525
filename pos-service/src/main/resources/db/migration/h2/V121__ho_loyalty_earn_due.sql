-- The daily points expiry finds the cards whose earned lots fell due since its last run (by
-- occurred_at) or arrived since then (by applied_at). H2 has no partial indexes.
CREATE INDEX ho_loyalty_entry_earned ON ho_loyalty_entry (entry_type, occurred_at);
CREATE INDEX ho_loyalty_entry_earn_arrived ON ho_loyalty_entry (entry_type, applied_at);
