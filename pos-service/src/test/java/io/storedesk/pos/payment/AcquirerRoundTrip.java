package io.storedesk.pos.payment;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

import io.storedesk.pos.payment.simulator.AcquirerSimulator;
import org.jpos.iso.ISOMsg;
import org.jpos.iso.channel.ASCIIChannel;
import org.jpos.iso.packager.GenericPackager;

/**
 * Raw ISO 8583 round-trip timing for benchmarks: opens one plain {@link ASCIIChannel} to an
 * acquirer (by default a simulator started here) and times N sequential 0200 purchases, send to
 * receive, then prints count, median and 95th percentile. No Spring, no database, no QMUX: the
 * floor under what a card payment through the service can cost.
 * <p>
 * {@code java ... io.storedesk.pos.payment.AcquirerRoundTrip [count] [host port]}
 */
public final class AcquirerRoundTrip {

    private static final DateTimeFormatter FIELD_7 = DateTimeFormatter.ofPattern("MMddHHmmss").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter FIELD_12 = DateTimeFormatter.ofPattern("HHmmss").withZone(ZoneOffset.UTC);
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final DateTimeFormatter FIELD_13 = DateTimeFormatter.ofPattern("MMdd").withZone(ZoneOffset.UTC);

    /** Timings in nanoseconds, sorted, and how many were approved. */
    public record Result(long[] nanos, int approved) {

        public Duration median() {
            return percentile(50);
        }

        public Duration p95() {
            return percentile(95);
        }

        public Duration percentile(int p) {
            int index = (int) Math.ceil(p / 100.0 * nanos.length) - 1;
            return Duration.ofNanos(nanos[Math.max(0, Math.min(index, nanos.length - 1))]);
        }

        @Override
        public String toString() {
            return "round trips=%d approved=%d median=%.3f ms p95=%.3f ms".formatted(nanos.length, approved,
                    median().toNanos() / 1e6, p95().toNanos() / 1e6);
        }
    }

    private AcquirerRoundTrip() {
    }

    public static Result run(String host, int port, Path packager, int count) throws Exception {
        ASCIIChannel channel = new ASCIIChannel(host, port, new GenericPackager(packager.toString()));
        channel.setTimeout(10_000);
        channel.connect();
        try {
            long[] nanos = new long[count];
            int approved = 0;
            for (int i = 0; i < count; i++) {
                ISOMsg request = purchase(SEQUENCE.incrementAndGet());
                long start = System.nanoTime();
                channel.send(request);
                ISOMsg reply = channel.receive();
                nanos[i] = System.nanoTime() - start;
                if ("00".equals(reply.getString(39))) {
                    approved++;
                }
            }
            Arrays.sort(nanos);
            return new Result(nanos, approved);
        } finally {
            channel.disconnect();
        }
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        Path packager = PaymentTestSupport.packager();
        if (args.length >= 3) {
            System.out.println(run(args[1], Integer.parseInt(args[2]), packager, count));
            return;
        }
        try (AcquirerSimulator simulator = new AcquirerSimulator(packager, Duration.ofSeconds(30)).start()) {
            run(simulator.host(), simulator.port(), packager, Math.min(count, 200));
            System.out.println(run(simulator.host(), simulator.port(), packager, count));
        }
    }

    private static ISOMsg purchase(int sequence) {
        Instant now = Instant.now();
        ISOMsg m = new ISOMsg("0200");
        m.set(2, PaymentTestSupport.VISA);
        m.set(3, "000000");
        m.set(4, "000000001000");
        m.set(7, FIELD_7.format(now));
        m.set(11, "%06d".formatted(sequence % 1_000_000));
        // a new terminal id every million requests keeps (41, 11, 7) unique for the acquirer
        m.set(12, FIELD_12.format(now));
        m.set(13, FIELD_13.format(now));
        m.set(14, "3012");
        m.set(22, "012");
        m.set(25, "00");
        m.set(41, "BENCH%03d".formatted(sequence / 1_000_000 % 1000));
        m.set(42, "BENCHMARK");
        m.set(49, "978");
        return m;
    }
}
