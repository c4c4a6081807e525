package io.storedesk.pos.identity;

import java.time.OffsetDateTime;

/** A granted approval: stored with the action it allowed and journaled with it. */
public record Approval(String manager, String action, OffsetDateTime approvedAt) {
}
