-- The redo log is gone (ADR 0004 supersedes ADR 0003): durability is the database engine's.
DROP TABLE redo_applied;
