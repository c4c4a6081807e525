package io.storedesk.pos.support;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Stops a test's thread pool without interrupting work in flight: a thread interrupted inside the
 * embedded H2 database closes that database for the whole shared test context (see
 * InterruptSafeConnections). A task still running after a minute is stuck, and only then is it
 * interrupted.
 */
public final class Pools {

    private Pools() {
    }

    public static void stop(ExecutorService pool) {
        pool.shutdown();
        try {
            if (!pool.awaitTermination(60, TimeUnit.SECONDS)) {
                pool.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
