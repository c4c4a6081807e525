package io.storedesk.pos.support;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.storedesk.pos.PosApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Head-office nodes for tests: each a Spring application context of its own with its own web server
 * (as a process would be), over one PostgreSQL database (e.g. {@link Postgres#newDatabase}); they
 * share nothing but the database.
 */
public final class HeadOfficeNodes {

    private HeadOfficeNodes() {
    }

    /** Starts a node named {@code name} over {@code database}, with {@code extra} arguments ("--key=value"). */
    public static ConfigurableApplicationContext start(String name, String database, String... extra) {
        return start(name, database, new CountDownLatch(1), extra);
    }

    private static ConfigurableApplicationContext start(String name, String database, CountDownLatch loggingReady,
            String... extra) {
        String[] args = Stream.concat(Stream.of("--server.port=0",
                "--pos.data-dir=target/test-data/ho-" + name + "-" + System.nanoTime(),
                "--spring.datasource.url=" + database, "--spring.datasource.username=postgres",
                "--spring.datasource.password=", "--logging.level.root=WARN", "--spring.main.banner-mode=off"),
                Stream.of(extra)).toArray(String[]::new);
        try {
            return new SpringApplicationBuilder(PosApplication.class).profiles("head-office")
                    .listeners((ApplicationListener<ApplicationEvent>) event -> {
                        if (event instanceof ApplicationPreparedEvent) {
                            loggingReady.countDown();
                        }
                    })
                    .run(args);
        } finally {
            loggingReady.countDown();
        }
    }

    /**
     * Store S001 as an application of its own in this JVM (its own H2 files and web server), syncing with the
     * head office at {@code headOfficeUrl} with S001's demo key: it pushes every 200 ms and pulls only when asked.
     * {@code extra} as for {@link #start}.
     */
    public static ConfigurableApplicationContext startStore(String name, String headOfficeUrl, String... extra) {
        String[] args = Stream.concat(Stream.of("--server.port=0",
                "--pos.data-dir=target/test-data/store-" + name + "-" + System.nanoTime(), "--logging.level.root=WARN",
                "--spring.main.banner-mode=off", "--pos.sync.head-office.url=" + headOfficeUrl,
                "--pos.sync.head-office.key=demo-key-S001", "--pos.sync.push-interval=200ms",
                "--pos.sync.pull-interval=1h"), Stream.of(extra)).toArray(String[]::new);
        return new SpringApplicationBuilder(PosApplication.class).run(args);
    }

    /**
     * Starts {@code names.size()} nodes together (each on its own thread: their contexts refresh, migrate
     * and schedule at the same time) and waits for all of them. Each node begins once the one before has
     * set up logging: Logback's context is one per JVM (one per process in production), and two
     * applications configuring it at once see each other's half-reset properties (a CI run failed with
     * "Unable to find Spring Environment in logger context").
     */
    public static List<ConfigurableApplicationContext> startTogether(List<String> names, String database,
            String... extra) throws Exception {
        List<CompletableFuture<ConfigurableApplicationContext>> starting = new ArrayList<>();
        CountDownLatch before = new CountDownLatch(0);
        for (String name : names) {
            CountDownLatch after = before;
            CountDownLatch loggingReady = new CountDownLatch(1);
            starting.add(CompletableFuture.supplyAsync(() -> {
                awaitQuietly(after);
                return start(name, database, loggingReady, extra);
            }));
            before = loggingReady;
        }
        List<ConfigurableApplicationContext> nodes = new ArrayList<>();
        for (CompletableFuture<ConfigurableApplicationContext> node : starting) {
            nodes.add(node.get(180, TimeUnit.SECONDS));
        }
        return nodes;
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(180, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public static int port(ConfigurableApplicationContext node) {
        return ((WebServerApplicationContext) node).getWebServer().getPort();
    }

    /** Closes the nodes that started. */
    public static void stop(ConfigurableApplicationContext... nodes) {
        for (ConfigurableApplicationContext node : nodes) {
            if (node != null) {
                node.close();
            }
        }
    }
}
