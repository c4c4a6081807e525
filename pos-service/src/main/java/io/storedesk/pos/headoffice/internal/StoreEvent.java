package io.storedesk.pos.headoffice.internal;

import java.time.Instant;

/**
 * One event of a store's batch, checked: its payload as received (as JSON text, written when the
 * batch is parsed, before it waits for admission and the store's lock) and what it adds to the
 * projections (a {@link Projected} record, or null for the types head office only keeps).
 */
record StoreEvent(String eventId, Long sequence, String type, Instant occurredAt, String payload,
        Object projection) {
}
