-- Gift cards (issue 26): a compensation recorded before the online call it compensates. Before a store
-- redeems a card at head office it writes the redemption's CANCEL to the outbox, held by the running
-- process (its boot id): the sync worker of that process does not send it, the sale's transaction deletes
-- it when the sale commits, and a failed sale releases it (held_by back to NULL). If the process dies in
-- between, the next process (another boot id) sends it like any other event and the card gets its money
-- back. NULL for every other event.
ALTER TABLE sync_outbox ADD COLUMN held_by VARCHAR(36);
