package io.storedesk.pos.common;

/** The outcome of an idempotent call: the first result, and whether this call only replayed it. */
public record IdempotentResult<T>(T body, boolean replayed) {
}
