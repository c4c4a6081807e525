-- Training mode (ADR 0005, issue 24): the training till tells a repeat from another request under one
-- Idempotency-Key as the real till does, by the request's keyed fingerprint (common.RequestFingerprints:
-- no card data goes into it); documents stored before this have none and answer any request with their key.
-- Training documents are purged by age (pos.training.retention-days): created_at is what the purge reads.
ALTER TABLE training_sale ADD COLUMN request_hash VARCHAR(80);
ALTER TABLE training_return ADD COLUMN request_hash VARCHAR(80);
CREATE INDEX training_sale_created ON training_sale (created_at);
CREATE INDEX training_return_created ON training_return (created_at);
