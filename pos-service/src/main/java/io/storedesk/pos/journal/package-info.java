/**
 * The electronic journal: an append-only, hash-chained record of every business event. Each
 * register has its own chain with a gapless sequence (events not tied to a register go to the
 * {@code STORE} chain); each entry's SHA-256 covers the previous entry's hash and the canonical
 * entry, so any edit or deletion shows up at the first broken sequence on verification.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Journal")
package io.storedesk.pos.journal;
