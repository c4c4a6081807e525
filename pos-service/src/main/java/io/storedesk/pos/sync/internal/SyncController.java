package io.storedesk.pos.sync.internal;

import java.time.Duration;
import java.time.Instant;

import io.storedesk.pos.sync.SyncProperties;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/sync/status} and {@code POST /api/v1/sync/run} (docs/sync-protocol.md). */
@RestController
@RequestMapping("/api/v1/sync")
class SyncController {

    private final SyncProperties properties;
    private final SyncConfiguration sync;
    private final Outbox outbox;
    private final SyncState state;

    SyncController(SyncProperties properties, SyncConfiguration sync, Outbox outbox, SyncState state) {
        this.properties = properties;
        this.sync = sync;
        this.outbox = outbox;
        this.state = state;
    }

    /**
     * @param lastPullVersion     the promotion set version last pulled from head office
     * @param loyaltyCursor       where the store's loyalty feed stands at head office (opaque; null before the first pull)
     * @param headOfficeReachable whether the last call to head office got an answer (false before the first)
     * @param lastError           why the last attempt failed; null once an attempt succeeded
     */
    record SyncStatus(boolean enabled, long pendingEvents, Instant oldestPendingAt, Instant lastPushAt,
            Instant lastPullAt, long lastPullVersion, String loyaltyCursor, boolean headOfficeReachable,
            String lastError, Instant nextAttemptAt) {
    }

    @GetMapping("/status")
    SyncStatus status() {
        Outbox.Pending pending = outbox.pending();
        var worker = sync.worker();
        return new SyncStatus(properties.enabled(), pending.count(), pending.oldest(), instant(SyncState.LAST_PUSH_AT),
                instant(SyncState.LAST_PULL_AT), state.getLong(SyncState.PROMOTION_VERSION),
                state.get(SyncState.LOYALTY_CURSOR).orElse(null),
                worker.map(w -> Boolean.TRUE.equals(w.reachable())).orElse(false),
                state.get(SyncState.LAST_ERROR).orElse(null), worker.map(SyncWorker::nextAttemptAt).orElse(null));
    }

    /** Pushes and pulls now (managers, admins); answers with the status afterwards. */
    @PostMapping("/run")
    SyncStatus run() {
        sync.worker().ifPresent(w -> w.runNow(properties.requestTimeout().multipliedBy(4).plus(Duration.ofSeconds(5))));
        return status();
    }

    private Instant instant(String name) {
        return state.get(name).map(Instant::parse).orElse(null);
    }
}
