-- Spring Modulith's event publication registry is not used: every listener of a domain event is a
-- plain synchronous @EventListener in the publisher's transaction (the sync outbox is ADR 0002's).
-- Its table goes with the dependency that created it.
DROP TABLE event_publication;
