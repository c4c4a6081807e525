package io.storedesk.receipt.bench;

import io.storedesk.receipt.PaperWidth;
import io.storedesk.receipt.Receipt;
import io.storedesk.receipt.SampleReceipts;
import io.storedesk.receipt.escpos.EscPosReceiptRenderer;
import io.storedesk.receipt.pdf.PdfReceiptRenderer;
import java.lang.management.ManagementFactory;
import java.util.Locale;
import java.util.function.Function;

/**
 * Single-threaded throughput of the renderers on a 25-line receipt, against the targets
 * (500 PDF and 20,000 ESC/POS receipts per second on one core). Warms up, then renders a fixed
 * number of receipts and prints receipts/s and mean microseconds, by wall clock and by the process's
 * CPU time (which includes JIT and GC threads, so it stays honest on a shared machine). Run with
 * {@code -XX:ActiveProcessorCount=1}; the {@code bench} Maven profile does.
 *
 * <p>Arguments: PDF receipts to measure (default 5,000; the bench profile passes 10,000, as PDFBox needs a long warm-up before the JIT settles), ESC/POS receipts (default 200,000).
 */
public final class ReceiptBenchmark {

    private static final int LINES = 25;

    private ReceiptBenchmark() {
    }

    public static void main(String[] args) {
        int pdfCount = args.length > 0 ? Integer.parseInt(args[0]) : 5_000;
        int escPosCount = args.length > 1 ? Integer.parseInt(args[1]) : 200_000;
        Receipt receipt = SampleReceipts.latvianSaleWithLines(LINES);
        System.out.printf(Locale.ROOT, "Receipt: %d lines; JVM %s, %d available processor(s)%n", LINES,
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
        measure("PDF 80 mm", new PdfReceiptRenderer(PaperWidth.MM_80)::render, receipt, pdfCount, 500);
        measure("ESC/POS 80 mm", new EscPosReceiptRenderer(PaperWidth.MM_80)::render, receipt, escPosCount, 20_000);
    }

    private static void measure(String name, Function<Receipt, byte[]> renderer, Receipt receipt, int count,
            int targetPerSecond) {
        long bytes = run(renderer, receipt, Math.max(count / 2, 1));
        long cpuStart = processCpuNanos();
        long start = System.nanoTime();
        bytes += run(renderer, receipt, count);
        long wall = System.nanoTime() - start;
        long cpu = processCpuNanos() - cpuStart;
        double perSecond = count / (wall / 1e9);
        double perCpuSecond = cpu > 0 ? count / (cpu / 1e9) : Double.NaN;
        System.out.printf(Locale.ROOT,
                "%-14s %,9d receipts in %6.2f s: %,10.0f receipts/s (wall), mean %,8.1f µs; "
                        + "%,10.0f receipts per CPU-second; target %,d/s %s (avg %,d bytes)%n",
                name, count, wall / 1e9, perSecond, wall / 1e3 / count, perCpuSecond, targetPerSecond,
                perSecond >= targetPerSecond ? "met" : "MISSED", bytes / (count + Math.max(count / 2, 1)));
    }

    private static long run(Function<Receipt, byte[]> renderer, Receipt receipt, int count) {
        long bytes = 0;
        for (int i = 0; i < count; i++) {
            bytes += renderer.apply(receipt).length;
        }
        return bytes;
    }

    private static long processCpuNanos() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : -1;
    }
}
