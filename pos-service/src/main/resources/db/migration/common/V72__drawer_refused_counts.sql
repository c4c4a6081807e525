-- Issue 22, finding 8: blind counts refused so far in a drawer session; after one, a recount
-- needs a manager's approval. Each attempt is also journaled (DRAWER_COUNT_REFUSED).
ALTER TABLE drawer_session ADD COLUMN refused_counts INT DEFAULT 0 NOT NULL;
