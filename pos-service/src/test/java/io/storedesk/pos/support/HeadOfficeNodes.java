package io.storedesk.pos.support;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.storedesk.pos.PosApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
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
        String[] args = Stream.concat(Stream.of("--server.port=0",
                "--pos.data-dir=target/test-data/ho-" + name + "-" + System.nanoTime(),
                "--spring.datasource.url=" + database, "--spring.datasource.username=postgres",
                "--spring.datasource.password=", "--logging.level.root=WARN", "--spring.main.banner-mode=off"),
                Stream.of(extra)).toArray(String[]::new);
        return new SpringApplicationBuilder(PosApplication.class).profiles("head-office").run(args);
    }

    /** Starts {@code names.size()} nodes at the same moment (each on its own thread) and waits for all of them. */
    public static List<ConfigurableApplicationContext> startTogether(List<String> names, String database,
            String... extra) throws Exception {
        List<CompletableFuture<ConfigurableApplicationContext>> starting = new ArrayList<>();
        names.forEach(name -> starting.add(CompletableFuture.supplyAsync(() -> start(name, database, extra))));
        List<ConfigurableApplicationContext> nodes = new ArrayList<>();
        for (CompletableFuture<ConfigurableApplicationContext> node : starting) {
            nodes.add(node.get(180, TimeUnit.SECONDS));
        }
        return nodes;
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
