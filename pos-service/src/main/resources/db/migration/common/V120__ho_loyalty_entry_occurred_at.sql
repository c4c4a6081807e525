-- Head office expires every lot it holds (issue 25, docs/head-office.md "Who expires what"): each
-- EARN is a lot due pos.loyalty.expiry-months after the store's time of the earn, so the entry keeps
-- that time (occurred_at, the event's occurredAt) next to its time of arrival (applied_at), and the
-- receipt number, which ties an EARN_REVERSED to the EARN it takes back. Entries received before
-- this version are dated by their arrival (at most the store's sync delay after the earn: they
-- expire that much later, never earlier).
ALTER TABLE ho_loyalty_entry ADD COLUMN occurred_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE ho_loyalty_entry ADD COLUMN receipt_number VARCHAR(200);
UPDATE ho_loyalty_entry SET occurred_at = applied_at;
ALTER TABLE ho_loyalty_entry ALTER COLUMN occurred_at SET NOT NULL;
-- the expiry reads one card's entries at a time
CREATE INDEX ho_loyalty_entry_card ON ho_loyalty_entry (card);
