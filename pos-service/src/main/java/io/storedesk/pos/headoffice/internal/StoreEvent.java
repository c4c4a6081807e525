package io.storedesk.pos.headoffice.internal;

import java.time.Instant;

import tools.jackson.databind.JsonNode;

/**
 * One event of a store's batch, checked: its payload as received and what it adds to the
 * projections (a {@link Projected} record, or null for the types head office only keeps).
 */
record StoreEvent(String eventId, Long sequence, String type, Instant occurredAt, JsonNode payload,
        Object projection) {
}
