/**
 * Head-office sync, store side (docs/sync-protocol.md): every business event (sale, void,
 * return, drawer close, Z report, loyalty ledger entry, service case opened or resolved, stock movement) is
 * written to an outbox in the same transaction as the change; one worker thread pushes the
 * outbox to head office in ordered batches with retries and back-off, then pulls promotion sets
 * and loyalty account snapshots (deltas since the versions last pulled). The store keeps selling
 * while head office is unreachable; {@code GET /api/v1/sync/status} shows how far behind it is.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Head-office sync")
package io.storedesk.pos.sync;
