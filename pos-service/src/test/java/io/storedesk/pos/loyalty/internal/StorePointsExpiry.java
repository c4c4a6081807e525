package io.storedesk.pos.loyalty.internal;

import java.time.Clock;

import org.springframework.context.ApplicationContext;

/** Runs a store's points expiry (a module internal) from tests in other packages, at a given time. */
public final class StorePointsExpiry {

    private StorePointsExpiry() {
    }

    /** The store's daily job, run now on {@code at}; returns the points expired. */
    public static long run(ApplicationContext store, Clock at) {
        return store.getBean(PointsExpiry.class).expire(at);
    }
}
