-- The redo log (ADR 0003, H2 only): one row per logged transaction, written in that transaction,
-- so that at start-up the service knows which logged transactions the database file holds.
-- Rows of log files already deleted are pruned; the highest one stays.
CREATE TABLE redo_applied (
    lsn BIGINT NOT NULL PRIMARY KEY
);
