-- The daily points expiry finds the cards whose earned lots fell due since its last run (by
-- occurred_at) or arrived since then (by applied_at); only EARN entries are indexed.
CREATE INDEX ho_loyalty_entry_earned ON ho_loyalty_entry (occurred_at) WHERE entry_type = 'EARN';
CREATE INDEX ho_loyalty_entry_earn_arrived ON ho_loyalty_entry (applied_at) WHERE entry_type = 'EARN';
