-- The business-day lock of docs/locking.md (lock 1): one row that every posting to a business
-- day holds (shared on PostgreSQL, exclusive for the short posting transaction on H2, which has
-- no FOR SHARE) and that a business-day close holds exclusively, so no posting can commit to a
-- day after its close.
CREATE TABLE business_day_gate (
    id    INTEGER     NOT NULL PRIMARY KEY,
    note  VARCHAR(80) NOT NULL
);
INSERT INTO business_day_gate (id, note) VALUES (1, 'see docs/locking.md');
