package io.storedesk.pos.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.storedesk.pos.PosApplication;

import static org.awaitility.Awaitility.await;

/**
 * The service as a real operating-system process on a free port, started from the test class
 * path with the repository's config/, so a test can kill it with SIGKILL and start it again on
 * the same data directory.
 */
public final class ServiceProcess implements AutoCloseable {

    private final Path dataDir;
    private final Path log;
    private final List<String> extraArgs;
    private Process process;
    private int port;
    private long fileSizeLimit;
    private boolean fullSpeed;
    private ServiceLaunch.Prepared launch;
    private final List<String> jvmOptions = new java.util.ArrayList<>();

    public ServiceProcess(Path dataDir) {
        this(dataDir, List.of());
    }

    /** @param extraArgs more {@code --key=value} settings for the service */
    public ServiceProcess(Path dataDir, List<String> extraArgs) {
        this.extraArgs = List.copyOf(extraArgs);
        this.dataDir = dataDir;
        this.log = dataDir.resolveSibling(dataDir.getFileName() + "-process.log");
    }

    /**
     * From the next {@link #start()} on, no file the service writes may grow beyond {@code bytes}
     * (rounded down to KiB; 0 for no limit): the JVM runs under {@code ulimit -f} (RLIMIT_FSIZE),
     * HotSpot ignores SIGXFSZ, so a write past the limit fails with an IOException ("File too
     * large") as on a full disk. Needs bash, no privileges.
     */
    public ServiceProcess fileSizeLimit(long bytes) {
        this.fileSizeLimit = bytes;
        return this;
    }

    /**
     * Starts with the JVM's defaults (both compilers, the default collector, no class data sharing) instead of the
     * tests' quick start ({@link ServiceLaunch}): for benchmarks, whose figures must be the service's own.
     */
    public ServiceProcess fullSpeed() {
        this.fullSpeed = true;
        return this;
    }

    /**
     * Starts from this class path and options instead of the tests' quick start, with one more JVM option: how
     * {@link ServiceLaunch} records its class data sharing archive (the quick start is not prepared yet then).
     */
    ServiceProcess launch(ServiceLaunch.Prepared prepared, String jvmOption) {
        this.launch = prepared;
        this.jvmOptions.add(jvmOption);
        return this;
    }

    public int port() {
        return port;
    }

    public ServiceProcess start() throws IOException {
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        java.nio.file.Files.createDirectories(log.toAbsolutePath().getParent());
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new java.util.ArrayList<>(List.of(java, "-Xmx512m", "--enable-native-access=ALL-UNNAMED"));
        if (fullSpeed) {
            command.addAll(List.of("-cp", System.getProperty("java.class.path")));
        } else {
            ServiceLaunch.Prepared quick = launch != null ? launch : ServiceLaunch.quick();
            command.addAll(quick.jvmOptions());
            command.addAll(jvmOptions);
            command.addAll(List.of("-cp", quick.classPath()));
        }
        command.addAll(List.of(PosApplication.class.getName(),
                "--server.port=" + port, "--pos.data-dir=" + dataDir.toAbsolutePath(),
                "--logging.level.root=WARN", "--spring.main.banner-mode=off"));
        command.addAll(extraArgs);
        if (fileSizeLimit > 0) {
            command.addAll(0, List.of("bash", "-c", "ulimit -f " + fileSizeLimit / 1024 + " && exec \"$@\"", "bash"));
        }
        process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        awaitHealthy(process, port, log);
        return this;
    }

    /** Waits until the process answers UP at /actuator/health; fails at once if it exits. */
    private static void awaitHealthy(Process process, int port, Path log) {
        HttpClient http = HttpClient.newHttpClient();
        // generous: on a busy two-core machine a start-up has taken over two minutes
        await().atMost(Duration.ofSeconds(300)).pollInterval(Duration.ofMillis(250)).until(() -> {
            if (!process.isAlive()) {
                throw new IllegalStateException("service exited with " + process.exitValue() + "; see " + log);
            }
            try {
                return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                        .build(), HttpResponse.BodyHandlers.ofString()).body().contains("\"UP\"");
            } catch (IOException notYet) {
                return false;
            }
        });
    }

    /**
     * Starts independent services at the same time (each start waits for its health check), as the
     * stores of a chain come up; a start that fails fails the call.
     */
    public static void startTogether(ServiceProcess... services) throws Exception {
        List<java.util.concurrent.CompletableFuture<ServiceProcess>> starting = new java.util.ArrayList<>();
        for (ServiceProcess service : services) {
            starting.add(java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                try {
                    return service.start();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }));
        }
        for (java.util.concurrent.CompletableFuture<ServiceProcess> started : starting) {
            started.get();
        }
    }

    /** SIGKILL: no shutdown hook, no graceful close, nothing flushed on the way out. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        stop(Duration.ofSeconds(30));
    }

    /** SIGTERM, then SIGKILL if the process has not exited within {@code patience}; whether it exited by itself. */
    boolean stop(Duration patience) throws InterruptedException {
        if (process == null || !process.isAlive()) {
            return true;
        }
        process.destroy();
        if (process.waitFor(patience.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
            return true;
        }
        kill();
        return false;
    }
}
