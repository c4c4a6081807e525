-- Head-office jobs that run once per cluster (issue 25): when a job last did its work, written by
-- the node that held the job's advisory lock, so the other nodes skip the same turn.
CREATE TABLE ho_job (
    name         VARCHAR(100)             NOT NULL PRIMARY KEY,
    last_run_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    last_node    VARCHAR(200)             NOT NULL
);
