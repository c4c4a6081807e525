package io.storedesk.pos.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import javax.sql.DataSource;

import io.storedesk.pos.PosApplication;
import io.storedesk.pos.catalog.Catalog;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The cash-sale benchmark: starts the service with the shipped settings on a free port and a
 * fresh data directory, drives 5-line cash sales over HTTP (each with an Idempotency-Key, the
 * way a register sends them, signed in once with a bearer token), and reports
 * <ul>
 * <li>saturation throughput with N concurrent clients spread over the four registers,</li>
 * <li>latency percentiles at a steady 200 sales/s (open loop: latency counts from the moment a
 * request was due, so a stall is not hidden),</li>
 * <li>the raw rate of writing the same rows to the same database at the same durability settings over
 * plain JDBC, and the
 * ratio between the two.</li>
 * </ul>
 * Each measured phase runs in windows (the machine's noise moves single runs by 20-30 %): the
 * report gives the median window next to the merged percentiles. Settings: -Dbench.clients (16),
 * -Dbench.seconds per window (10), -Dbench.windows (3), -Dbench.warmup.min / .max (60 / 400 s),
 * -Dbench.rate (200), -Dbench.card.count (300).
 */
public final class SaleBenchmark {

    private static final String[] DRAWERS = {"D1", "D2", "D3", "D4"};

    private SaleBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        StringBuilder all = new StringBuilder();
        for (String engine : System.getProperty("bench.engines", "h2,postgresql").split(",")) {
            all.append(run(engine.strip(), args));
            Files.createDirectories(Path.of("target"));
            Files.writeString(Path.of("target", "bench-sales.txt"), all);
        }
        System.out.println(all);
    }

    /**
     * One run on one engine with the durability that ships: {@code h2}, the embedded file database
     * with {@code WRITE_DELAY=0}, or {@code postgresql}, an embedded PostgreSQL server with
     * {@code fsync} and {@code synchronous_commit} on (the service refuses less).
     */
    private static String run(String engine, String[] args) throws Exception {
        int clients = Integer.getInteger("bench.clients", 16);
        int seconds = Integer.getInteger("bench.seconds", 10);
        int windows = Integer.getInteger("bench.windows", 3);
        int warmMin = Integer.getInteger("bench.warmup.min", 60);
        int warmMax = Integer.getInteger("bench.warmup.max", 400);
        int rate = Integer.getInteger("bench.rate", 200);
        Path dataDir = Path.of("target", "bench-data", engine + "-" + System.currentTimeMillis());
        List<String> settings = new ArrayList<>(List.of("--server.port=0", "--pos.data-dir=" + dataDir,
                "--logging.level.root=WARN", "--spring.main.banner-mode=off",
                String.join(" ", args).isBlank() ? "--pos.bench=true" : args[0]));
        if (engine.equals("postgresql")) {
            settings.addAll(List.of("--spring.datasource.url=" + io.storedesk.pos.support.Postgres.newDatabase("bench"),
                    "--spring.datasource.username=postgres", "--spring.datasource.password="));
        } else if (!engine.equals("h2")) {
            throw new IllegalArgumentException("bench.engines takes h2 and postgresql, not " + engine);
        }
        System.out.printf("%n=== %s ===%n", engine);
        ConfigurableApplicationContext app = SpringApplication.run(PosApplication.class, settings.toArray(String[]::new));
        try {
            int port = app.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
            // goods a clerk may sell without an age check or a block: the benchmark's sales need no prompt
            List<String> skus = app.getBean(Catalog.class).search("", 1000).stream()
                    .filter(i -> i.minAge() == null && !i.blocked()).map(i -> i.sku()).toList();
            // one register token per register: a token works only at the register it was issued for
            Map<String, String> bearers = new java.util.HashMap<>();
            for (String drawer : DRAWERS) {
                bearers.put(drawer, signIn(port, drawer));
                open(port, bearers.get(drawer), drawer);
            }
            Load load = new Load(port, bearers, skus);
            String warmUp = warmUp(load, clients, warmMin, warmMax);
            System.out.printf("Saturation: %d clients over %d registers, %d windows of %d s...%n", clients,
                    DRAWERS.length, windows, seconds);
            List<Result> saturated = new ArrayList<>();
            for (int w = 0; w < windows; w++) {
                saturated.add(load.saturate(clients, seconds));
                System.out.printf("  window %d: %.0f sales/s%n", w + 1, saturated.get(w).perSecond());
            }
            System.out.printf("Steady: %d sales/s, %d windows of %d s...%n", rate, windows, seconds);
            List<Result> steady = new ArrayList<>();
            for (int w = 0; w < windows; w++) {
                steady.add(load.steady(rate, seconds, clients));
                System.out.printf("  window %d: p99 %.2f ms%n", w + 1, ms(steady.get(w).latency, 99));
            }
            System.out.println("Card sales against the bundled simulator, next to the raw jPOS round trip...");
            CardPhase card = cardPhase(app, load, Integer.getInteger("bench.card.count", 300));
            System.out.println("Raw JDBC: the same rows into the same database, same settings...");
            RawJdbc.Result raw = new RawJdbc(app.getBean(DataSource.class), load.sampleResponse())
                    .run(DRAWERS.length, seconds);
            return report(engine, settingsOf(app), clients, rate, warmUp, saturated, steady, raw) + card.report()
                    + storage(app.getBean(DataSource.class), dataDir, engine);
        } finally {
            app.close();
        }
    }

    /** The durability settings the engine reports, as the service logged them at start-up. */
    private static String settingsOf(ConfigurableApplicationContext app) throws Exception {
        try (var c = app.getBean(DataSource.class).getConnection(); var s = c.createStatement()) {
            if (c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("h2")) {
                try (var rs = s.executeQuery("SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'WRITE_DELAY'")) {
                    rs.next();
                    return "H2 file database, WRITE_DELAY=" + rs.getString(1);
                }
            }
            try (var rs = s.executeQuery("SELECT version(), current_setting('fsync'), current_setting('synchronous_commit')")) {
                rs.next();
                return rs.getString(1).replaceAll(" on .*", "") + ", fsync=" + rs.getString(2) + ", synchronous_commit="
                        + rs.getString(3);
            }
        }
    }

    /**
     * Saturates in 10 s windows until the JIT compiler has settled: at least {@code min} seconds,
     * then until the rate stops climbing: the median of the last three windows is at most 5 % above
     * the median of the three before them (at most {@code max} seconds; medians, so that one dip does
     * not pass for a plateau). Two or three similar windows in a row were not enough: the rate dips
     * and plateaus while the compiler works, then climbs on. On two cores the compiler competes with
     * the service for two to three minutes; measuring before that measures the compiler.
     */
    private static String warmUp(Load load, int clients, int min, int max) throws Exception {
        System.out.printf("Warming up (at least %d s, until the rate settles; the JIT compiler is still busy before)...%n", min);
        long start = System.nanoTime();
        List<Double> rates = new ArrayList<>();
        while (true) {
            rates.add(load.saturate(clients, 10).perSecond());
            double elapsed = (System.nanoTime() - start) / 1e9;
            System.out.printf("  %3.0f s: %.0f sales/s%n", elapsed, rates.get(rates.size() - 1));
            int n = rates.size();
            List<Double> last = rates.subList(Math.max(0, n - 3), n);
            boolean settled = n >= 6 && median(values(last)) <= 1.05 * median(values(rates.subList(n - 6, n - 3)));
            if (elapsed >= max || (elapsed >= min && settled)) {
                return String.format(Locale.ROOT, "%.0f s (%d windows of 10 s; last three %s sales/s)%s", elapsed, n,
                        last.stream().map(r -> String.format(Locale.ROOT, "%.0f", r)).toList(),
                        settled ? "" : ", NOT SETTLED");
            }
        }
    }

    /** How big the database is after the run, next to how much it holds. */
    private static String storage(DataSource ds, Path dataDir, String engine) throws Exception {
        long sales;
        long bytes;
        try (var c = ds.getConnection(); var s = c.createStatement(); var rs = s.executeQuery("SELECT COUNT(*) FROM sale")) {
            rs.next();
            sales = rs.getLong(1);
        }
        if (engine.equals("h2")) {
            bytes = Files.size(dataDir.resolve("pos.mv.db"));
        } else {
            try (var c = ds.getConnection(); var s = c.createStatement();
                    var rs = s.executeQuery("SELECT pg_database_size(current_database())")) {
                rs.next();
                bytes = rs.getLong(1);
            }
        }
        return String.format(Locale.ROOT, "storage      : database %.0f MB holding %,d sales%n", bytes / 1e6, sales);
    }

    private static double[] values(List<Double> rates) {
        return rates.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static String report(String engine, String settings, int clients, int rate, String warmUp,
            List<Result> saturated, List<Result> steady, RawJdbc.Result raw) {
        Result sat = Result.merge(saturated);
        Result st = Result.merge(steady);
        double satMedian = median(saturated.stream().mapToDouble(Result::perSecond).toArray());
        double cpuMedian = median(saturated.stream().mapToDouble(Result::cpuMsPerSale).toArray());
        double p99Median = median(steady.stream().mapToDouble(r -> ms(r.latency, 99)).toArray());
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%n=== Cash sale benchmark on %s: 5-line cash sales over HTTP ===%n", engine));
        sb.append(String.format(Locale.ROOT, "database     : %s%n", settings));
        sb.append(String.format(Locale.ROOT, "machine: %d cores, %s %s%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.name"), System.getProperty("java.version")));
        sb.append(String.format(Locale.ROOT, "warm-up      : %s%n", warmUp));
        sb.append(String.format(Locale.ROOT,
                "saturation   : %d clients, %d registers, %d windows of %.0f s: median %.0f sales/s (windows %s), "
                        + "p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, max %.2f ms, errors %d, CPU %.2f ms/sale (median)%n",
                clients, DRAWERS.length, saturated.size(), saturated.get(0).seconds, satMedian,
                list(saturated.stream().mapToDouble(Result::perSecond).toArray(), "%.0f"), ms(sat.latency, 50),
                ms(sat.latency, 95), ms(sat.latency, 99), sat.latency.getMaxValue() / 1e6, sat.errors, cpuMedian));
        sb.append(String.format(Locale.ROOT, "load         : machine load average %.2f at the end (the benchmark's own threads count)%n",
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
        sb.append(String.format(Locale.ROOT,
                "steady       : target %d sales/s, %d windows: achieved %.0f sales/s, p50 %.2f ms, p95 %.2f ms, "
                        + "p99 %.2f ms (all windows; per window %s, median %.2f ms), max %.2f ms, errors %d%n",
                rate, steady.size(), st.perSecond(), ms(st.latency, 50), ms(st.latency, 95), ms(st.latency, 99),
                list(steady.stream().mapToDouble(r -> ms(r.latency, 99)).toArray(), "%.1f"), p99Median,
                st.latency.getMaxValue() / 1e6, st.errors));
        sb.append(String.format(Locale.ROOT,
                "raw JDBC     : %d threads, same rows per sale (sale, 5 lines, tender, drawer posting, counter, journal, idempotency, totalizers, outbox), one transaction each: %.0f sales/s%n",
                raw.threads(), raw.perSecond()));
        sb.append(String.format(Locale.ROOT, "ratio        : service at saturation (median) / raw JDBC = %.2f%n",
                satMedian / raw.perSecond()));
        sb.append(String.format(Locale.ROOT, "targets      : service >= 0.5 of raw JDBC at the same settings: %s; "
                        + "p99 <= 25 ms at 200/s (all windows together): %s%n",
                satMedian >= 0.5 * raw.perSecond() ? "met" : "MISSED", ms(st.latency, 99) <= 25 ? "met" : "MISSED"));
        return sb.toString();
    }

    static double median(double[] values) {
        double[] v = values.clone();
        java.util.Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    private static String list(double[] values, String format) {
        return java.util.Arrays.stream(values).mapToObj(v -> String.format(Locale.ROOT, format, v))
                .collect(java.util.stream.Collectors.joining(", "));
    }

    private static double ms(Histogram h, double percentile) {
        return h.getValueAtPercentile(percentile) / 1e6;
    }

    /** A register token for the register of the drawer. */
    private static String signIn(int port, String drawer) throws Exception {
        String basic = "Basic " + Base64.getEncoder().encodeToString("clerk:clerk".getBytes(StandardCharsets.UTF_8));
        try (KeepAliveHttp http = new KeepAliveHttp("127.0.0.1", port, basic)) {
            KeepAliveHttp.Response r = http.post("/api/v1/auth/token", "{\"drawerId\":\"" + drawer + "\"}", null);
            String body = r.body();
            int start = body.indexOf("\"token\":\"") + 9;
            return "Bearer " + body.substring(start, body.indexOf('"', start));
        }
    }

    private static void open(int port, String bearer, String drawer) throws Exception {
        try (KeepAliveHttp http = new KeepAliveHttp("127.0.0.1", port, bearer)) {
            KeepAliveHttp.Response r = http.post("/api/v1/drawers/" + drawer + "/open",
                    "{\"float\":{\"50.00\":2,\"10.00\":5,\"1.00\":20}}", null);
            if (r.status() != 201) {
                throw new IllegalStateException("cannot open " + drawer + ": " + r);
            }
        }
    }

    /** Card-sale latency (one register, one at a time) and the plain channel round trip, alternating. */
    record CardPhase(Histogram sale, Histogram raw, Histogram cash, int count) {
        String report() {
            double sale50 = ms(sale, 50);
            double raw50 = ms(raw, 50);
            return String.format(Locale.ROOT,
                    "card sale    : %d sequential 5-line card sales: p50 %.2f ms, p95 %.2f ms, p99 %.2f ms%n"
                            + "raw jPOS     : %d plain ASCIIChannel 0200 send/receive to the same simulator: p50 %.2f ms, p95 %.2f ms%n"
                            + "cash sale    : %d sequential 5-line cash sales in the same rounds: p50 %.2f ms, p95 %.2f ms%n"
                            + "card overhead: service adds %.2f ms at the median over the raw round trip (target <= 3 ms: %s)%n",
                    count, sale50, ms(sale, 95), ms(sale, 99), count, raw50, ms(raw, 95), cash.getTotalCount(),
                    ms(cash, 50), ms(cash, 95), sale50 - raw50, sale50 - raw50 <= 3 ? "met" : "MISSED");
        }
    }

    private static CardPhase cardPhase(ConfigurableApplicationContext app, Load load, int count) throws Exception {
        var simulator = app.getBean(io.storedesk.pos.payment.simulator.AcquirerSimulator.class);
        Path packager = Path.of("config", "jpos", "packager", "iso87ascii.xml");
        Histogram sale = new Histogram(3);
        Histogram raw = new Histogram(3);
        Histogram cash = new Histogram(3);
        for (int round = -1; round < count / 50; round++) {
            var rt = io.storedesk.pos.payment.AcquirerRoundTrip.run(simulator.host(), simulator.port(), packager, 50);
            List<Long> sales = load.cardSales(50);
            List<Long> cashSales = load.cashSales(50);
            if (round >= 0) {
                for (long n : rt.nanos()) {
                    raw.recordValue(n);
                }
                sales.forEach(sale::recordValue);
                cashSales.forEach(cash::recordValue);
            }
        }
        return new CardPhase(sale, raw, cash, (int) sale.getTotalCount());
    }

    record Result(long count, long errors, double seconds, Histogram latency, double cpuSeconds) {
        static Result merge(List<Result> results) {
            Histogram all = new Histogram(3);
            long count = 0;
            long errors = 0;
            double seconds = 0;
            double cpu = 0;
            for (Result r : results) {
                all.add(r.latency);
                count += r.count;
                errors += r.errors;
                seconds += r.seconds;
                cpu += r.cpuSeconds;
            }
            return new Result(count, errors, seconds, all, cpu);
        }

        double perSecond() {
            return count / seconds;
        }

        /** Process CPU (service and load generator together) per completed sale, in ms. */
        double cpuMsPerSale() {
            return count == 0 ? 0 : cpuSeconds * 1000 / count;
        }
    }

    static double cpuSeconds() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
    }

    /** Sends sales: closed-loop for saturation, open-loop at a fixed rate for latency. */
    static final class Load {
        private final int port;
        private final Map<String, String> bearers;
        private final List<String> skus;
        private final AtomicLong keys = new AtomicLong();
        private volatile String sample;

        Load(int port, Map<String, String> bearers, List<String> skus) {
            this.port = port;
            this.bearers = bearers;
            this.skus = skus;
        }

        /** The token of the register the client sells at (see {@link #body}). */
        private String bearer(int client) {
            return bearers.get(DRAWERS[client % DRAWERS.length]);
        }

        String sampleResponse() {
            return sample;
        }

        private String body(int client) {
            ThreadLocalRandom r = ThreadLocalRandom.current();
            StringBuilder sb = new StringBuilder("{\"drawerId\":\"").append(DRAWERS[client % DRAWERS.length])
                    .append("\",\"lines\":[");
            for (int i = 0; i < 5; i++) {
                sb.append(i == 0 ? "" : ",").append("{\"sku\":\"").append(skus.get(r.nextInt(skus.size())))
                        .append("\",\"quantity\":").append(1 + r.nextInt(3)).append('}');
            }
            return sb.append("],\"tenders\":[{\"type\":\"CASH\",\"amount\":\"500.00\"}]}").toString();
        }

        private boolean sell(KeepAliveHttp http, int client) {
            try {
                KeepAliveHttp.Response r = http.post("/api/v1/sales", body(client), "bench-" + keys.incrementAndGet());
                if (r.status() == 201) {
                    sample = r.body();
                    return true;
                }
                System.err.println("sale failed: " + r);
                return false;
            } catch (Exception e) {
                System.err.println("sale failed: " + e);
                return false;
            }
        }

        /** Sequential cash sales on one register; latency of each in nanoseconds. */
        List<Long> cashSales(int count) throws Exception {
            List<Long> nanos = new ArrayList<>();
            try (KeepAliveHttp http = new KeepAliveHttp("127.0.0.1", port, bearer(0))) {
                for (int i = 0; i < count; i++) {
                    long t0 = System.nanoTime();
                    if (sell(http, 0)) {
                        nanos.add(System.nanoTime() - t0);
                    }
                }
            }
            return nanos;
        }

        /** Sequential card-only sales on one register; latency of each in nanoseconds. */
        List<Long> cardSales(int count) throws Exception {
            List<Long> nanos = new ArrayList<>();
            try (KeepAliveHttp http = new KeepAliveHttp("127.0.0.1", port, bearer(0))) {
                for (int i = 0; i < count; i++) {
                    String body = body(0).replace("[{\"type\":\"CASH\",\"amount\":\"500.00\"}]",
                            "[{\"type\":\"CARD\",\"card\":{\"pan\":\"4761739001010010\",\"expiry\":\"3012\"}}]");
                    long t0 = System.nanoTime();
                    KeepAliveHttp.Response r = http.post("/api/v1/sales", body, "card-" + keys.incrementAndGet());
                    long dt = System.nanoTime() - t0;
                    if (r.status() == 201) {
                        nanos.add(dt);
                    } else if (r.status() != 402) {
                        System.err.println("card sale failed: " + r);
                    }
                }
            }
            return nanos;
        }

        Result saturate(int clients, int seconds) throws Exception {
            Recorder recorder = new Recorder(3);
            AtomicLong errors = new AtomicLong();
            AtomicLong count = new AtomicLong();
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            ExecutorService pool = Executors.newFixedThreadPool(clients);
            long start = System.nanoTime();
            double cpu0 = cpuSeconds();
            List<Future<?>> futures = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int client = c;
                futures.add(pool.submit(() -> {
                    try (KeepAliveHttp http = new KeepAliveHttp("127.0.0.1", port, bearer(client))) {
                        while (System.nanoTime() < end) {
                            long t0 = System.nanoTime();
                            if (sell(http, client)) {
                                recorder.recordValue(System.nanoTime() - t0);
                                count.incrementAndGet();
                            } else {
                                errors.incrementAndGet();
                            }
                        }
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
            pool.shutdown();
            return new Result(count.get(), errors.get(), (System.nanoTime() - start) / 1e9, recorder.getIntervalHistogram(),
                    cpuSeconds() - cpu0);
        }

        Result steady(int rate, int seconds, int clients) throws Exception {
            Recorder recorder = new Recorder(3);
            AtomicLong errors = new AtomicLong();
            AtomicLong next = new AtomicLong();
            long total = (long) rate * seconds;
            long interval = 1_000_000_000L / rate;
            long start = System.nanoTime() + 50_000_000L;
            double cpu0 = cpuSeconds();
            ExecutorService pool = Executors.newFixedThreadPool(clients);
            List<Future<?>> futures = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int client = c;
                futures.add(pool.submit(() -> {
                    try (KeepAliveHttp http = new KeepAliveHttp("127.0.0.1", port, bearer(client))) {
                        for (long i = next.getAndIncrement(); i < total; i = next.getAndIncrement()) {
                            long due = start + i * interval;
                            long wait = due - System.nanoTime();
                            if (wait > 0) {
                                LockSupport.parkNanos(wait);
                            }
                            if (sell(http, client)) {
                                recorder.recordValue(Math.max(0, System.nanoTime() - due));
                            } else {
                                errors.incrementAndGet();
                            }
                        }
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
            pool.shutdown();
            double elapsed = (System.nanoTime() - start) / 1e9;
            Histogram h = recorder.getIntervalHistogram();
            return new Result(h.getTotalCount(), errors.get(), elapsed, h, cpuSeconds() - cpu0);
        }
    }
}
