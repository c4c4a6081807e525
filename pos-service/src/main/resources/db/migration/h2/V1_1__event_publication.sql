-- Spring Modulith's event publication registry (our outbox), after its schemas/v2/schema-h2.sql,
-- with room for large events.
CREATE TABLE event_publication (
    id                      UUID NOT NULL PRIMARY KEY,
    completion_date         TIMESTAMP(9) WITH TIME ZONE,
    event_type              VARCHAR(512) NOT NULL,
    listener_id             VARCHAR(512) NOT NULL,
    publication_date        TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    serialized_event        VARCHAR(1000000) NOT NULL,
    status                  VARCHAR(20),
    completion_attempts     INT,
    last_resubmission_date  TIMESTAMP(9) WITH TIME ZONE
);
CREATE INDEX event_publication_by_completion_date ON event_publication (completion_date);
