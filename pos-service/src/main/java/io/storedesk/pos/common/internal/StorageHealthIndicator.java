package io.storedesk.pos.common.internal;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The {@code storage} component of {@code /actuator/health}: DOWN once the database could not
 * write to its file (disk full, or H2 closed the database after a write error), until the
 * service is restarted with free disk space.
 */
@Component
class StorageHealthIndicator implements HealthIndicator {

    private final StorageState storage;

    StorageHealthIndicator(StorageState storage) {
        this.storage = storage;
    }

    @Override
    public Health health() {
        String failure = storage.failure();
        return failure == null ? Health.up().build()
                : Health.down().withDetail("error", "the database cannot write to its file; free disk space and"
                        + " restart the service").withDetail("cause", failure).build();
    }
}
