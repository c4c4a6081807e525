package io.storedesk.pos.common.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Whether the database can still write. Once the embedded H2 database failed to write its file
 * (disk full, a file that may not grow), H2 closes the database and keeps nothing more: from then
 * on every write is refused with a clear 503 ({@link StorageGuard}) and {@code /actuator/health}
 * shows {@code storage} DOWN, until the service is restarted with free disk space.
 */
@Component
class StorageState {

    private static final Logger log = LoggerFactory.getLogger(StorageState.class);

    static final String STORAGE_FULL = "The store's disk is full or the database cannot write to it, so nothing"
            + " can be saved; nothing was saved. Free disk space and restart the service.";
    static final String STORAGE_FULL_UNCONFIRMED = "The store's disk is full or the database cannot write"
            + " to it; this request may not have been saved. Free disk space and restart the service, then look it"
            + " up or repeat it with the same Idempotency-Key.";

    private volatile String failure;

    /** Remembers that the database could not write its file; it stays so until a restart. */
    void storageFailed(Throwable cause) {
        if (failure == null) {
            Throwable root = cause;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            // the operating system's words ("No space left on device", "File too large") or H2's
            failure = String.valueOf(root.getMessage()).lines().findFirst().orElse("");
            log.error("The database cannot write to its file; nothing more is saved until the service is restarted"
                    + " with free disk space: {}", failure);
        }
    }

    /** Why the database can no longer write, or null while it can. */
    String failure() {
        return failure;
    }
}
