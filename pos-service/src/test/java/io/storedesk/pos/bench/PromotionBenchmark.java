package io.storedesk.pos.bench;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

import io.storedesk.pos.catalog.CatalogItem;
import io.storedesk.pos.catalog.TaxCategory;
import io.storedesk.pos.common.Money;
import io.storedesk.pos.promotion.Promotion;
import io.storedesk.pos.promotion.Promotion.Scope;
import io.storedesk.pos.promotion.PromotionBasket;
import io.storedesk.pos.promotion.PromotionEngine;
import io.storedesk.pos.promotion.PromotionOutcome;
import io.storedesk.pos.promotion.PromotionSet;
import io.storedesk.pos.sale.BasketLine;
import io.storedesk.pos.sale.BasketPricer;
import io.storedesk.pos.sale.TaxPolicy;
import org.HdrHistogram.Histogram;

/**
 * The promotion engine benchmark: 500 active promotions of every kind (item and department
 * percent/amount off, multi-buys, buy X get Y, thresholds, basket promotions; some member-only,
 * some with coupons, some exclusive, with dates and hours that include now) over a catalogue of
 * 400 SKUs in 12 departments, and a 50-line basket that touches many of them; the basket is
 * quoted repeatedly on one thread and each quote timed: the engine alone, and the engine with the
 * sale module's {@code BasketPricer} (line and basket discounts allocated, tax per line), which is
 * the pricing a sale quote does. Target: p99 under 2 ms.
 * Settings: -Dbench.promo.seconds (per phase: warm-up, engine, engine + pricer; 20 by default), -Dbench.promo.promotions (500).
 * The report is also written to target/bench-promotions.txt.
 */
public final class PromotionBenchmark {

    private static final Currency EUR = Currency.getInstance("EUR");
    private static final LocalDateTime NOW = LocalDateTime.of(2026, 11, 23, 17, 30);

    private PromotionBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = Integer.getInteger("bench.promo.seconds", 20);
        int count = Integer.getInteger("bench.promo.promotions", 500);
        Random random = new Random(42);
        List<String> departments = new ArrayList<>();
        for (int d = 0; d < 12; d++) {
            departments.add("DEPT-" + d);
        }
        List<String> skus = new ArrayList<>();
        for (int s = 0; s < 400; s++) {
            skus.add("SKU-%04d".formatted(s));
        }
        List<Promotion> promotions = promotions(count, skus, departments, random);
        long built = System.nanoTime();
        PromotionEngine engine = PromotionEngine.of(new PromotionSet(1, "bench", Instant.now(), promotions), EUR);
        double buildMs = (System.nanoTime() - built) / 1e6;

        List<PromotionBasket.Line> lines = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            int sku = random.nextInt(skus.size());
            lines.add(new PromotionBasket.Line(i + 1, skus.get(sku), departments.get(sku % departments.size()),
                    1 + random.nextInt(6), Money.of(BigDecimal.valueOf(50 + random.nextInt(5000), 2), EUR)));
        }
        PromotionBasket basket = new PromotionBasket(lines, true, Set.of("COUPON-1", "COUPON-2"), NOW);
        PromotionOutcome sample = engine.apply(basket);

        BasketPricer pricer = new BasketPricer(new TaxPolicy(true));
        TaxCategory standard = new TaxCategory("STANDARD", BigDecimal.valueOf(21), "A");
        List<BasketLine> saleLines = lines.stream().map(l -> new BasketLine(l.lineNo(), new CatalogItem(l.sku(),
                "4006381333931", l.sku(), l.department(), l.unitPrice(), standard), l.quantity())).toList();
        Runnable engineOnly = () -> engine.apply(basket);
        Runnable quote = () -> {
            PromotionOutcome o = engine.apply(basket);
            pricer.price(saleLines, o.lineDiscounts(), o.basketDiscount());
        };
        run(quote, seconds, null);
        Histogram histogram = new Histogram(60_000_000_000L, 3);
        long quotes = run(engineOnly, seconds, histogram);
        Histogram full = new Histogram(60_000_000_000L, 3);
        long fullQuotes = run(quote, seconds, full);

        StringBuilder report = new StringBuilder();
        report.append("Promotion engine: %d active promotions, a 50-line basket (%d units), one thread, %d s measured%n"
                .formatted(promotions.size(), lines.stream().mapToInt(PromotionBasket.Line::quantity).sum(), seconds));
        report.append("  engine built (index by SKU and department) in %.1f ms%n".formatted(buildMs));
        report.append("  promotions applied to the basket: %d, discount %s (line %s + basket %s)%n".formatted(
                sample.applied().size(), sample.total(), sample.total().minus(sample.basketDiscount()),
                sample.basketDiscount()));
        report.append(line("engine alone", quotes, seconds, histogram));
        report.append(line("engine + BasketPricer (the sale quote's pricing)", fullQuotes, seconds, full));
        report.append("  target p99 < 2 ms: %s%n".formatted(full.getValueAtPercentile(99) < 2_000_000 ? "met" : "MISSED"));
        System.out.print(report);
        Path out = Path.of("pos-service", "target", "bench-promotions.txt");
        if (Files.isDirectory(out.getParent())) {
            Files.writeString(out, report, StandardCharsets.UTF_8);
        }
    }

    private static String line(String what, long quotes, int seconds, Histogram h) {
        return String.format(Locale.ROOT, "  %s: %d quotes, %.0f/s; p50 %.3f ms, p95 %.3f ms, p99 %.3f ms, "
                        + "p99.9 %.3f ms, max %.3f ms%n", what, quotes, quotes / (double) seconds,
                ms(h.getValueAtPercentile(50)), ms(h.getValueAtPercentile(95)), ms(h.getValueAtPercentile(99)),
                ms(h.getValueAtPercentile(99.9)), ms(h.getMaxValue()));
    }

    private static long run(Runnable quote, int seconds, Histogram histogram) {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        long n = 0;
        while (System.nanoTime() < end) {
            long start = System.nanoTime();
            quote.run();
            long took = System.nanoTime() - start;
            if (histogram != null) {
                histogram.recordValue(took);
            }
            n++;
        }
        return n;
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    private static List<Promotion> promotions(int count, List<String> skus, List<String> departments, Random random) {
        List<Promotion> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String code = "P%04d".formatted(i);
            boolean byDepartment = random.nextInt(4) == 0;
            Scope scope = byDepartment ? Scope.DEPARTMENT : Scope.ITEM;
            int sku = random.nextInt(skus.size());
            Set<String> targets = byDepartment ? Set.of(departments.get(random.nextInt(departments.size())))
                    : Set.of(skus.get(sku), skus.get((sku + 1 + random.nextInt(skus.size() - 1)) % skus.size()));
            Promotion p = switch (i % 10) {
                case 0, 1, 2 -> Promotion.percentOff(code, "percent " + i, scope, targets, String.valueOf(5 + random.nextInt(30)));
                case 3, 4 -> Promotion.amountOff(code, "amount " + i, scope, targets, "0.%02d".formatted(10 + random.nextInt(80)));
                case 5 -> Promotion.multiBuy(code, "multi-buy " + i, scope, targets, 2 + random.nextInt(3), "5.00");
                case 6 -> Promotion.buyGet(code, "buy get " + i, scope, targets, 1 + random.nextInt(3), 1);
                case 7 -> Promotion.threshold(code, "threshold " + i, scope, targets, "20.00", "5", null);
                case 8 -> random.nextBoolean()
                        ? Promotion.threshold(code, "basket threshold " + i, Scope.BASKET, Set.of(), "100.00", null, "3.00")
                        : Promotion.percentOff(code, "basket " + i, Scope.BASKET, Set.of(), "2");
                default -> Promotion.percentOff(code, "exclusive " + i, scope, targets, "40").withExclusive(true);
            };
            p = p.withPriority(random.nextInt(5));
            if (i % 7 == 0) {
                p = p.withMemberOnly(true);
            }
            if (i % 11 == 0) {
                p = p.withCoupon("COUPON-" + (i % 3));
            }
            if (i % 5 == 0) {
                p = p.withValidity(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), LocalTime.of(8, 0),
                        LocalTime.of(22, 0), Set.of(DayOfWeek.values()));
            }
            out.add(p);
        }
        return out;
    }
}
