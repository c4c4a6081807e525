package io.storedesk.pos.support;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** Runs requests on threads of their own, all released at once by a barrier: a race on purpose. */
public final class Race {

    private Race() {
    }

    /** Runs every contestant once, released together; the answers in the contestants' order. */
    public static <T> List<T> run(List<Supplier<T>> contestants) {
        CyclicBarrier start = new CyclicBarrier(contestants.size());
        ExecutorService threads = Executors.newFixedThreadPool(contestants.size());
        try {
            List<Future<T>> answers = new ArrayList<>();
            for (Supplier<T> c : contestants) {
                answers.add(threads.submit(() -> {
                    start.await(30, TimeUnit.SECONDS);
                    return c.get();
                }));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> f : answers) {
                results.add(f.get(90, TimeUnit.SECONDS));
            }
            return results;
        } catch (Exception e) {
            throw new IllegalStateException("race did not finish", e);
        } finally {
            Pools.stop(threads);
        }
    }
}
