-- Promotion sets, versioned as head office publishes them (the demo seeds version 1). The
-- highest version is the one in use; older ones stay for the record.
CREATE TABLE promotion_set (
    version          BIGINT          NOT NULL PRIMARY KEY,
    source           VARCHAR(200)    NOT NULL,
    installed_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    promotion_count  INT             NOT NULL,
    content          VARCHAR(1000000) NOT NULL
);
