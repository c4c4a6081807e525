package io.storedesk.pos.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import io.storedesk.pos.PosApplication;
import io.storedesk.pos.support.Postgres;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Head-office ingest on embedded PostgreSQL 14 ({@code fsync} and {@code synchronous_commit} on),
 * issue 25 (one node >= 10,000 events/s in big batches, two nodes never slower, p99 of a small
 * batch <= 300 ms with 200 stores pushing at once):
 * <ol>
 * <li><b>Big batches, one node</b>: {@code -Dbench.ho.stores} (8) stores push
 * {@code -Dbench.ho.events} (40,000) 3-line sales in batches of {@code -Dbench.ho.batch} (1,000), one
 * thread per store, over loopback HTTP with their store keys (the real path: parse, admission, the
 * batch's transaction with the store's row lock, {@code ho_event}, the detail rows, the day totals).
 * A store's day holds 2,000 sales, so a batch spans one or two business days.</li>
 * <li><b>Raw engine</b>: the same number of new sales written by the same number of threads with
 * plain JDBC, one transaction per batch, at the same guarantees: the store's row locked, the
 * events inserted with {@code ON CONFLICT DO NOTHING RETURNING} (exactly once per store and event
 * id), the receipts probed (a document projected once), the same detail rows, the day and month totals summed
 * in the JVM and upserted once per row, the store row updated, the same commit settings. No HTTP,
 * no JSON, no Spring: the floor the service is measured against (ratio = service / raw).</li>
 * <li><b>Small batches</b>: {@code -Dbench.ho.small.stores} (200) stores each send a batch of
 * {@code -Dbench.ho.small.batch} (10) sales, all starting at the same moment, then again after a
 * random pause of 0 to 2 x {@code -Dbench.ho.small.pause-ms} (1,000 ms), for
 * {@code -Dbench.ho.small.seconds} (20 s): p50/p95/p99/max of the answers, and how many were 429
 * (head office busy; the store would resend after {@code Retry-After}). Before it the same load runs for
 * {@code -Dbench.ho.small.warmup-seconds} (20 s; 0 = none) unmeasured, printed as "3w.": on a cold JVM the
 * JIT compilers take half a core for the first minute of load, which a head office pays once after its start,
 * not on every batch; the measured round then starts with all 200 stores sending at once, as before. The raw
 * engine's small batches get the same warm-up.</li>
 * <li><b>Big batches, two nodes</b> on the same database (a second Spring context in this JVM, a
 * store's batches alternating between them), as in 1.</li>
 * </ol>
 * With {@code -Dbench.ho.pgss=true} the benchmark starts its own embedded PostgreSQL with
 * {@code pg_stat_statements} and prints, per phase, where the database spent its time per batch (the
 * {@code cpu} and {@code rawsmall} phases too); {@code -Dbench.ho.explain-ms=N} then also logs the plan of
 * every statement taking N ms or more ({@code auto_explain}, to the log directory printed at the start). The
 * small and {@code cpu} phases print the CPU of PostgreSQL's processes per batch, and the small phase the
 * JVM's threads by name (the JIT compilers and the collector included).
 * {@code -Dbench.ho.phases} (big,raw,small,rawsmall,two) picks the phases (big = 1, raw = 2, small = 3,
 * rawsmall = 3r: the raw engine on the small batches, two = 4
 * and 5). Writes {@code target/bench-head-office.txt}.
 */
public final class HeadOfficeIngestBenchmark {

    private static final LocalDate FIRST = LocalDate.of(2026, 9, 1);
    private static final StringBuilder OUT = new StringBuilder();
    private static final String KEY = "bench-key";

    private HeadOfficeIngestBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int stores = Integer.getInteger("bench.ho.stores", 8);
        int events = Integer.getInteger("bench.ho.events", 40_000);
        int batch = Integer.getInteger("bench.ho.batch", 1_000);
        int smallStores = Integer.getInteger("bench.ho.small.stores", 200);
        int smallBatch = Integer.getInteger("bench.ho.small.batch", 10);
        int smallSeconds = Integer.getInteger("bench.ho.small.seconds", 20);
        int pauseMs = Integer.getInteger("bench.ho.small.pause-ms", 1_000);
        int smallWarmUp = Integer.getInteger("bench.ho.small.warmup-seconds", 20);
        boolean pgss = Boolean.getBoolean("bench.ho.pgss");
        List<String> phases = List.of(System.getProperty("bench.ho.phases", "big,raw,small,rawsmall,two").split(","));
        String url = pgss ? databaseWithStatements() : Postgres.newDatabase("hobench");
        List<String> common = new ArrayList<>(List.of("--server.port=0", "--spring.profiles.active=head-office",
                "--spring.datasource.url=" + url, "--spring.datasource.username=postgres",
                "--spring.datasource.password=", "--logging.level.root=WARN", "--spring.main.banner-mode=off"));
        for (int s = 1; s <= Math.max(stores, smallStores); s++) {
            common.add("--pos.head-office.store-keys." + store(s) + "=" + KEY);
        }
        ConfigurableApplicationContext one = start(common, "a");
        ConfigurableApplicationContext two = null;
        try {
            int portOne = one.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            JdbcTemplate jdbc = one.getBean(JdbcTemplate.class);
            for (LocalDate m = FIRST; m.isBefore(FIRST.plusMonths(2)); m = m.plusMonths(1)) {
                for (String table : List.of("ho_sale", "ho_sale_line", "ho_sale_tender")) {
                    jdbc.queryForObject("SELECT ho_ensure_month(?, ?)", Boolean.class, table, java.sql.Date.valueOf(m));
                }
            }
            print("Head-office ingest benchmark on PostgreSQL 14 (embedded, fsync and synchronous_commit on), "
                    + "%d cores, load at start: %s%n", Runtime.getRuntime().availableProcessors(), load());

            // warm-up: every store's lock row, and the JIT on the real path
            for (int s = 1; s <= Math.max(stores, smallStores); s++) {
                send(http, portOne, store(s), body(store(s), 9_000_000, 1));
            }
            ingest(http, List.of(portOne), stores, Math.min(events, stores * batch * 2), batch, 1);

            double oneNode = 0;
            String loadBefore = load();
            if (phases.contains("big")) {
                reset(jdbc, pgss);
                oneNode = ingest(http, List.of(portOne), stores, events, batch, 2);
                print("1. big batches, one node: %,d sales in batches of %,d from %d stores at once: %,.0f events/s "
                        + "(load %s -> %s)%n", events, batch, stores, oneNode, loadBefore, load());
                statements(jdbc, pgss, events / batch);
            }

            double rawRate = 0;
            for (boolean copy : phases.contains("raw") ? List.of(false, true) : List.<Boolean>of()) {
                reset(jdbc, pgss);
                loadBefore = load();
                double rate = new RawIngest(one.getBean(DataSource.class), copy).run(stores, events, batch, copy ? 4 : 3);
                rawRate = Math.max(rawRate, rate);
                print("2. raw engine (plain JDBC, same rows, same guarantees, one transaction per batch; %s): "
                        + "%,.0f events/s (load %s -> %s)%n", copy ? "events and detail with COPY"
                                : "multi-row INSERTs, events ON CONFLICT DO NOTHING RETURNING", rate, loadBefore, load());
                statements(jdbc, pgss, events / batch);
            }
            if (rawRate > 0 && oneNode > 0) {
                print("   service / raw engine (the faster of the two) = %.2f%n", oneNode / rawRate);
            }

            if (phases.contains("cpu")) {
                for (String size : System.getProperty("bench.ho.cpu.sizes", Integer.toString(smallBatch)).split(",")) {
                    cpu(http, portOne, one.getBean(DataSource.class), Integer.parseInt(size.strip()), jdbc, pgss);
                }
            }

            double smallP99 = 0;
            if (phases.contains("small")) {
                reset(jdbc, pgss);
                loadBefore = load();
                if (smallWarmUp > 0) { // the same load first, not measured: JIT-compiled code, as a head office runs
                    small("3w. warm-up,", portOne, smallStores, smallBatch, smallWarmUp, pauseMs, 8_500_000);
                    Thread.sleep(3 * pauseMs);
                    reset(jdbc, pgss);
                    loadBefore = load();
                }
                Small answered = small("3.", portOne, smallStores, smallBatch, smallSeconds, pauseMs, 8_000_000);
                smallP99 = answered.p99();
                print("   (load %s -> %s)%n", loadBefore, load());
                statements(jdbc, pgss, Math.max(1, answered.batches()));
            }
            if (phases.contains("rawsmall")) {
                reset(jdbc, pgss);
                loadBefore = load();
                RawIngest rawSmall = new RawIngest(one.getBean(DataSource.class), false);
                if (smallWarmUp > 0) {
                    rawSmall.small(smallStores, smallBatch, smallWarmUp, pauseMs, 7_500_000);
                    rawSmall.smallCpu.set(0);
                    Thread.sleep(3 * pauseMs);
                    reset(jdbc, pgss);
                    loadBefore = load();
                }
                long postgres0 = postgresCpu();
                List<Long> raw = rawSmall.small(smallStores, smallBatch, smallSeconds, pauseMs, 7_000_000);
                print("   raw engine CPU per batch (its threads, building the rows included): %.2f ms; PostgreSQL's "
                        + "processes %.2f ms%n", rawSmall.smallCpu.get() / 1e6 / Math.max(1, raw.size()),
                        (postgresCpu() - postgres0) / (double) Math.max(1, raw.size()));
                print("3r. raw engine, the same small batches (plain JDBC, same rows and guarantees, one transaction "
                        + "per batch on the service's pool): %,d batches; from asking for a connection to the commit "
                        + "p50 %.0f ms, p95 %.0f ms, p99 %.0f ms, max %.0f ms (load %s -> %s)%n", raw.size(),
                        pct(raw, 0.50), pct(raw, 0.95), pct(raw, 0.99), raw.isEmpty() ? 0 : raw.get(raw.size() - 1) / 1e6,
                        loadBefore, load());
                if (smallP99 > 0) {
                    print("   small batches p99: service / raw engine = %.2f%n", smallP99 / pct(raw, 0.99));
                }
                statements(jdbc, pgss, Math.max(1, raw.size()));
            }

            if (phases.contains("two")) {
                two = start(common, "b");
                int portTwo = two.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
                send(http, portTwo, store(1), body(store(1), 9_000_001, 1));
                ingest(http, List.of(portOne, portTwo), stores, Math.min(events, stores * batch), batch, 5);
                loadBefore = load();
                double twoNodes = ingest(http, List.of(portOne, portTwo), stores, events, batch, 6);
                print("4. big batches, two nodes on the same database: %,.0f events/s (%.2fx one node) (load %s -> %s)%n",
                        twoNodes, twoNodes / oneNode, loadBefore, load());
                loadBefore = load();
                double oneAgain = ingest(http, List.of(portOne), stores, events, batch, 7);
                print("5. big batches, one node again (back to back with 4.): %,.0f events/s (load %s -> %s); "
                        + "two nodes / this = %.2f%n", oneAgain, loadBefore, load(), twoNodes / oneAgain);
            }

            Files.writeString(Path.of("target", "bench-head-office.txt"), OUT);
        } finally {
            if (two != null) {
                two.close();
            }
            one.close();
        }
        System.exit(0);
    }

    private static ConfigurableApplicationContext start(List<String> common, String node) {
        List<String> args = new ArrayList<>(common);
        args.add("--pos.data-dir=target/bench-data/ho-ingest-" + node + "-" + System.currentTimeMillis());
        return SpringApplication.run(PosApplication.class, args.toArray(String[]::new));
    }

    /** Each store's thread sends its batches in turn; with two ports, alternating batches go to each node. */
    private static double ingest(HttpClient http, List<Integer> ports, int stores, int events, int batch, int round)
            throws Exception {
        int perStore = events / stores;
        List<List<String>> bodies = new ArrayList<>();
        for (int s = 1; s <= stores; s++) {
            List<String> mine = new ArrayList<>();
            for (int from = 0; from < perStore; from += batch) {
                mine.add(body(store(s), round * 100_000 + from, Math.min(batch, perStore - from)));
            }
            bodies.add(mine);
        }
        ExecutorService pool = Executors.newFixedThreadPool(stores);
        long t = System.nanoTime();
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int s = 0; s < stores; s++) {
                String store = store(s + 1);
                List<String> mine = bodies.get(s);
                int offset = s;
                done.add(pool.submit(() -> {
                    for (int b = 0; b < mine.size(); b++) {
                        send(http, ports.get((b + offset) % ports.size()), store, mine.get(b));
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        return perStore * stores / ((System.nanoTime() - t) / 1e9);
    }

    /**
     * Phase cpu: the CPU a small batch costs, not its latency (which a shared machine's load decides):
     * {@code -Dbench.ho.cpu.clients} (4) stores each send {@code -Dbench.ho.cpu.batches} (500) batches of
     * {@code batch} sales one after the other (no pause, so no 429), once to warm up and once measured; the
     * CPU time of the service's request threads per batch, and of the raw engine's threads per batch doing the
     * same batches the same way ({@code -Dbench.ho.cpu.jfr}: a profile of the measured service round;
     * {@code -Dbench.ho.cpu.sizes}, e.g. 10,20: the batch sizes, each in turn).
     */
    private static void cpu(HttpClient http, int port, DataSource dataSource, int batch, JdbcTemplate jdbc,
            boolean pgss) throws Exception {
        int clients = Integer.getInteger("bench.ho.cpu.clients", 4);
        int batches = Integer.getInteger("bench.ho.cpu.batches", 500);
        String jfr = System.getProperty("bench.ho.cpu.jfr");
        for (int round = 0; round < 2; round++) {
            jdk.jfr.Recording recording = null;
            if (round == 1 && jfr != null) {
                recording = new jdk.jfr.Recording(jdk.jfr.Configuration.getConfiguration("profile"));
                recording.start();
            }
            String loadBefore = load();
            reset(jdbc, pgss);
            long postgres0 = postgresCpu();
            long server0 = threadCpu("http-nio-");
            long process0 = processCpu();
            long t0 = System.nanoTime();
            int first = 3_000_000 + batch * 1_000_000 + round * 200_000;
            ExecutorService pool = Executors.newFixedThreadPool(clients);
            try {
                List<Future<?>> done = new ArrayList<>();
                for (int s = 1; s <= clients; s++) {
                    String store = store(s);
                    done.add(pool.submit(() -> {
                        for (int b = 0; b < batches; b++) {
                            send(http, port, store, body(store, first + b * batch, batch));
                        }
                        return null;
                    }));
                }
                for (Future<?> f : done) {
                    f.get();
                }
            } finally {
                pool.shutdown();
            }
            double wall = (System.nanoTime() - t0) / 1e6;
            long server = threadCpu("http-nio-") - server0;
            long process = processCpu() - process0;
            if (recording != null) {
                recording.stop();
                recording.dump(Path.of(jfr));
                recording.close();
            }
            int n = clients * batches;
            print("c%d. CPU per batch of %d sales (%d stores x %,d batches one after the other%s): the service's "
                    + "request threads %.3f ms, the whole JVM (clients included) %.3f ms; wall %.2f ms a batch per "
                    + "store; PostgreSQL's processes %.3f ms (load %s -> %s)%n", round, batch, clients, batches,
                    round == 0 ? ", warm-up" : "", server / 1e6 / n, process / 1e6 / n, wall / batches,
                    (postgresCpu() - postgres0) / (double) n, loadBefore, load());
            if (round == 1) {
                statements(jdbc, pgss, n);
            }
        }
        for (int round = 0; round < 2; round++) {
            String loadBefore = load();
            RawIngest raw = new RawIngest(dataSource, false);
            reset(jdbc, pgss);
            long postgres0 = postgresCpu();
            long t0 = System.nanoTime();
            long cpu = raw.sequential(clients, batches, batch, 4_000_000 + batch * 1_000_000 + round * 200_000);
            double wall = (System.nanoTime() - t0) / 1e6;
            print("c%dr. raw engine, the same batches the same way%s: CPU %.3f ms a batch (its threads); wall %.2f ms "
                    + "a batch per store; PostgreSQL's processes %.3f ms (load %s -> %s)%n", round,
                    round == 0 ? " (warm-up)" : "", cpu / 1e6 / (clients * batches), wall / batches,
                    (postgresCpu() - postgres0) / (double) (clients * batches), loadBefore, load());
            if (round == 1) {
                statements(jdbc, pgss, clients * batches);
            }
        }
    }

    /** The name of the small phase's store threads (their CPU is reported apart). */
    private static final String STORE_THREAD = "bench-store-";

    private record Small(int batches, double p99) {
    }

    /** Small batches from many stores at once: latency of each answer, 429s counted apart. */
    private static Small small(String label, int port, int stores, int batch, int seconds, int pauseMs, int first)
            throws Exception {
        ConcurrentLinkedQueue<Long> ok = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Long> busy = new ConcurrentLinkedQueue<>();
        AtomicInteger failed = new AtomicInteger();
        CountDownLatch go = new CountDownLatch(1);
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        AtomicInteger threadNo = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(stores,
                r -> new Thread(r, STORE_THREAD + threadNo.incrementAndGet()));
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int s = 1; s <= stores; s++) {
                String store = store(s);
                done.add(pool.submit(() -> {
                    go.await();
                    smallStore(port, store, batch, pauseMs, first, end, ok, busy, failed);
                    return null;
                }));
            }
            String jfr = System.getProperty("bench.ho.small.jfr");
            jdk.jfr.Recording recording = null;
            if (jfr != null) { // a profile of this phase alone (-Dbench.ho.small.jfr=/tmp/small.jfr)
                recording = new jdk.jfr.Recording(jdk.jfr.Configuration.getConfiguration("profile"));
                recording.start();
            }
            long cpuServer0 = threadCpu("http-nio-");
            long cpuStores0 = threadCpu(STORE_THREAD);
            long cpuProcess0 = processCpu();
            java.util.Map<String, Long> byName0 = cpuByThreadName();
            long postgres0 = postgresCpu();
            long t0 = System.nanoTime();
            go.countDown();
            for (Future<?> f : done) {
                f.get();
            }
            double took = (System.nanoTime() - t0) / 1e9;
            long cpuServer = threadCpu("http-nio-") - cpuServer0;
            long cpuStores = threadCpu(STORE_THREAD) - cpuStores0;
            long cpuProcess = processCpu() - cpuProcess0;
            java.util.Map<String, Long> byName = cpuByThreadName();
            long postgres = postgresCpu() - postgres0;
            byName0.forEach((name, ms) -> byName.merge(name, -ms, Long::sum));
            if (recording != null) {
                recording.stop();
                recording.dump(Path.of(jfr));
                recording.close();
            }
            List<Long> all = new ArrayList<>(ok);
            Collections.sort(all);
            print("%s small batches: %d stores, %d sales a batch, each store again after 0-%d ms, %d s: %,d batches "
                    + "answered 200 (%,.0f events/s), %,d answered 429 (busy), %d failed; latency of the 200s "
                    + "p50 %.0f ms, p95 %.0f ms, p99 %.0f ms, max %.0f ms%n", label, stores, batch, 2 * pauseMs, seconds,
                    all.size(), all.size() * batch / took, busy.size(), failed.get(), pct(all, 0.50), pct(all, 0.95),
                    pct(all, 0.99), all.isEmpty() ? 0 : all.get(all.size() - 1) / 1e6);
            int requests = Math.max(1, all.size() + busy.size() + failed.get());
            print("   CPU per request (%,d requests, 429s included): the service's request threads %.2f ms, the whole "
                    + "JVM (clients included) %.2f ms, of which the store threads %.2f ms and the JVM's own and other "
                    + "threads (JIT, GC, pools) %.2f ms%n", requests, cpuServer / 1e6 / requests,
                    cpuProcess / 1e6 / requests, cpuStores / 1e6 / requests,
                    (cpuProcess - cpuServer - cpuStores) / 1e6 / requests);
            print("   the JVM's threads by name, CPU ms over the round (/proc, 10 ms ticks): %s%n", byName.entrySet().stream()
                    .filter(e -> e.getValue() > 0).sorted(java.util.Map.Entry.<String, Long>comparingByValue().reversed())
                    .limit(10).map(e -> e.getKey() + " " + e.getValue()).collect(java.util.stream.Collectors.joining(", ")));
            print("   PostgreSQL's processes: %.2f ms CPU per request%n", postgres / (double) requests);
            return new Small(all.size(), pct(all, 0.99));
        } finally {
            pool.shutdown();
        }
    }

    /**
     * One store of the small-batch phase: a batch, a pause of 0 to 2 x {@code pauseMs}, again, until {@code end}.
     * Each store on its own keep-alive connection, as a store's sync keeps one, with a lean client: the 200 stores'
     * threads share this JVM and the two cores with the service, and a general client's selector thread and
     * per-request objects would take CPU the service needs (and add their own queueing to the latency).
     */
    private static void smallStore(int port, String store, int batch, int pauseMs, int first, long end,
            ConcurrentLinkedQueue<Long> ok, ConcurrentLinkedQueue<Long> busy, AtomicInteger failed) throws Exception {
        String path = "/api/ho/v1/stores/" + store + "/events";
        try (KeepAliveHttp http = new KeepAliveHttp("127.0.0.1", port, java.util.Map.of("X-Store-Id", store,
                "X-Store-Key", KEY))) {
            int n = 0;
            while (System.nanoTime() < end) {
                String body = body(store, first + n, batch);
                n += batch;
                long t = System.nanoTime();
                int status = http.post(path, body, null).status();
                long took = System.nanoTime() - t;
                if (status == 200) {
                    ok.add(took);
                } else if (status == 429) {
                    busy.add(took);
                } else {
                    failed.incrementAndGet();
                }
                Thread.sleep(ThreadLocalRandom.current().nextLong(2L * pauseMs + 1));
            }
        }
    }

    /** CPU time so far of the live threads whose name starts with {@code prefix} (Tomcat's: "http-nio-"). */
    static long threadCpu(String prefix) {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long sum = 0;
        for (java.lang.management.ThreadInfo t : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (t != null && t.getThreadName().startsWith(prefix)) {
                sum += Math.max(0, threads.getThreadCpuTime(t.getThreadId()));
            }
        }
        return sum;
    }

    /**
     * CPU ms so far of this JVM's threads, summed by name without its numbers (the kernel's names, which include
     * the JIT compilers and the collector's threads that {@code ThreadMXBean} does not list).
     */
    static java.util.Map<String, Long> cpuByThreadName() {
        java.util.Map<String, Long> out = new java.util.HashMap<>();
        try (java.util.stream.Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : tasks.toList()) {
                try {
                    String name = Files.readString(task.resolve("comm")).trim().replaceAll("[0-9]+", "#");
                    out.merge(name, cpuMs(Files.readString(task.resolve("stat"))), Long::sum);
                } catch (java.io.IOException | RuntimeException gone) {
                    // the thread ended meanwhile
                }
            }
        } catch (java.io.IOException e) {
            return out;
        }
        return out;
    }

    /** User plus system CPU ms of a {@code /proc/.../stat} line (its clock ticks are 10 ms here). */
    private static long cpuMs(String stat) {
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10;
    }

    /** CPU ms so far of every process named postgres on this machine (the embedded server's, /proc). */
    static long postgresCpu() {
        long sum = 0;
        try (java.util.stream.Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path proc : procs.filter(d -> d.getFileName().toString().chars().allMatch(Character::isDigit)).toList()) {
                try {
                    String stat = Files.readString(proc.resolve("stat"));
                    if (stat.contains("(postgres)")) {
                        sum += cpuMs(stat);
                    }
                } catch (java.io.IOException | RuntimeException gone) {
                    // the process ended meanwhile
                }
            }
        } catch (java.io.IOException e) {
            return 0;
        }
        return sum;
    }

    /** CPU time so far of this JVM, all threads. */
    static long processCpu() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static double pct(List<Long> sorted, double p) {
        return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1)) / 1e6;
    }

    private static String body(String store, int first, int count) {
        List<String> events = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            events.add(sale(store, first + i));
        }
        return "{\"events\":[" + String.join(",", events) + "]}";
    }

    /** Sends a batch; a connection the server closed is retried (a batch sent again is applied once). */
    private static void send(HttpClient http, int port, String store, String body) throws Exception {
        HttpResponse<String> r;
        for (int attempt = 1; ; attempt++) {
            try {
                r = post(http, port, store, body);
                break;
            } catch (IOException e) {
                if (attempt == 3) {
                    throw e;
                }
            }
        }
        if (r.statusCode() != 200) {
            throw new IllegalStateException(r.statusCode() + " " + r.body());
        }
    }

    private static HttpResponse<String> post(HttpClient http, int port, String store, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/ho/v1/stores/"
                        + store + "/events"))
                .timeout(Duration.ofSeconds(120)).header("Content-Type", "application/json")
                .header("X-Store-Id", store).header("X-Store-Key", KEY)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** The business date of a store's sale number n: 2,000 sales a day. */
    static LocalDate date(int n) {
        return FIRST.plusDays((n % 100_000) / 2_000 % 50);
    }

    /** A 3-line sale (the same figures {@link RawIngest} writes). */
    static String sale(String store, int n) {
        return "{\"eventId\":\"%s\",\"type\":\"SALE_COMPLETED\",\"occurredAt\":\"%sT09:15:02Z\",\"payload\":%s}"
                .formatted(UUID.randomUUID(), date(n), payload(store, n));
    }

    static String payload(String store, int n) {
        String line = "{\"lineNo\":%d,\"sku\":\"LV-10%02d\",\"department\":\"%s\",\"quantity\":1,\"unitPrice\":\"%s\","
                + "\"discount\":\"0.00\",\"net\":\"%s\",\"tax\":\"%s\",\"taxRate\":\"%s\"}";
        String lines = String.join(",", line.formatted(1, n % 20, "D" + (n % 10), "3.00", "3.00", "0.32", "12"),
                line.formatted(2, n % 20, "D" + ((n + 3) % 10), "4.00", "4.00", "0.69", "21"),
                line.formatted(3, n % 20, "D" + ((n + 7) % 10), "5.00", "5.00", "0.87", "21"));
        LocalDate date = date(n);
        return ("{\"receiptNumber\":\"%s-R01-%d\",\"storeId\":\"%s\",\"registerId\":\"R01\",\"drawerId\":\"D1\","
                + "\"businessDate\":\"%s\",\"hour\":\"%02d\",\"clerk\":\"clerk%d\",\"completedAt\":\"%sT09:15:02Z\","
                + "\"currency\":\"EUR\",\"subtotal\":\"12.00\",\"discountTotal\":\"0.00\",\"total\":\"12.00\","
                + "\"taxTotal\":\"1.88\",\"cashRounding\":\"0.00\",\"loyaltyCard\":null,\"lines\":[%s],"
                + "\"tenders\":[{\"type\":\"%s\",\"amount\":\"12.00\"}]}").formatted(store, n, store, date,
                8 + n % 12, n % 6, date, lines, n % 3 == 0 ? "CASH" : "CARD");
    }

    static String store(int s) {
        return "I%03d".formatted(s);
    }

    /** A server of its own with pg_stat_statements loaded (same durability settings as {@link Postgres}). */
    private static String databaseWithStatements() throws IOException {
        Path dir = Files.createTempDirectory("storedesk-pg-pgss");
        print("PostgreSQL's log: %s-log%n", dir);
        EmbeddedPostgres pg = EmbeddedPostgres.builder().setDataDirectory(dir).setCleanDataDirectory(true)
                .setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on")
                .setServerConfig("max_connections", "300")
                .setServerConfig("shared_preload_libraries", "pg_stat_statements,auto_explain")
                .setServerConfig("pg_stat_statements.track", "all")
                .setServerConfig("pg_stat_statements.track_planning", "on")
                // -Dbench.ho.explain-ms=N: the plans of statements taking N ms or more in the server's log
                .setServerConfig("auto_explain.log_min_duration", System.getProperty("bench.ho.explain-ms", "-1"))
                .setServerConfig("auto_explain.log_analyze", "on").setServerConfig("auto_explain.log_buffers", "on")
                .setServerConfig("logging_collector", "on").setServerConfig("log_directory", dir + "-log")
                .start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                pg.close();
            } catch (IOException ignored) {
                // the JVM is going away anyway
            }
        }));
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE hobench_pgss ENCODING 'UTF8'");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        String url = pg.getJdbcUrl("postgres", "hobench_pgss");
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("CREATE EXTENSION pg_stat_statements");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        return url;
    }

    private static void reset(JdbcTemplate jdbc, boolean pgss) {
        if (pgss) {
            jdbc.queryForList("SELECT pg_stat_statements_reset()");
        }
    }

    /** The statements that took the database's time in the phase, per batch. */
    private static void statements(JdbcTemplate jdbc, boolean pgss, int batches) {
        if (!pgss) {
            return;
        }
        double[] sum = new double[1];
        jdbc.query("SELECT calls, total_exec_time, rows, left(regexp_replace(query, '\\s+', ' ', 'g'), 110), "
                + "total_plan_time, plans FROM pg_stat_statements WHERE query NOT LIKE '%pg_stat_statements%' "
                + "ORDER BY total_exec_time + total_plan_time DESC LIMIT 14", (ResultSet rs) -> {
                    double ms = rs.getDouble(2);
                    sum[0] += ms + rs.getDouble(5);
                    print("   %8.2f ms/batch (plan %6.2f, %7d plans) %7d calls %9d rows  %s%n", ms / batches,
                            rs.getDouble(5) / batches, rs.getLong(6), rs.getLong(1), rs.getLong(3), rs.getString(4));
                });
        print("   (top statements: %.1f ms of database time per batch, planning included)%n", sum[0] / batches);
        jdbc.query("SELECT COUNT(*), SUM(calls), SUM(plans), SUM(total_plan_time), SUM(total_exec_time) "
                + "FROM pg_stat_statements WHERE query NOT LIKE '%pg_stat_statements%'", (ResultSet rs) -> {
                    print("   (all statements: %d distinct texts, %d calls, %d plans, planning %.1f ms and execution "
                            + "%.1f ms per batch)%n", rs.getLong(1), rs.getLong(2), rs.getLong(3),
                            rs.getDouble(4) / batches, rs.getDouble(5) / batches);
                });
    }

    private static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim().split(" ")[0];
        } catch (IOException e) {
            return "unknown";
        }
    }

    static void print(String format, Object... args) {
        String line = String.format(Locale.ROOT, format, args);
        System.out.print(line);
        OUT.append(line);
    }
}
