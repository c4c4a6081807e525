package io.storedesk.pos.journal;

import java.time.Instant;

/** One entry of a chain, as stored. */
public record JournalEntry(String chain, long sequence, String type, Instant occurredAt, String actor,
        String reference, String payload, String previousHash, String hash) {
}
