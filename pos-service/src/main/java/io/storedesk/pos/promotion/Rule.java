package io.storedesk.pos.promotion;

import java.math.BigDecimal;
import java.util.Arrays;

import io.storedesk.pos.promotion.PromotionEngine.Basket;
import io.storedesk.pos.promotion.PromotionEngine.Evaluation;

/** A promotion compiled for the engine: amounts in minor units, percentages in hundredths of a percent. */
final class Rule {

    final int rank;
    final Promotion promotion;
    private final long basisPoints;
    private final long amount;
    private final long price;
    private final long threshold;

    Rule(int rank, Promotion p, int scale) {
        this.rank = rank;
        this.promotion = p;
        this.basisPoints = p.percent() == null ? 0 : p.percent().movePointRight(2).longValueExact();
        this.amount = minor(p.amount(), scale);
        this.price = minor(p.price(), scale);
        this.threshold = minor(p.threshold(), scale);
    }

    private static long minor(BigDecimal a, int scale) {
        return a == null ? 0 : a.movePointRight(scale).setScale(0, java.math.RoundingMode.UNNECESSARY).longValueExact();
    }

    boolean lineLevel() {
        return promotion.scope() != Promotion.Scope.BASKET && promotion.kind() != Promotion.Kind.BASKET_THRESHOLD;
    }

    /** {@code value * percent / 100}, rounded half up. */
    private long percentOf(long value) {
        return (value * basisPoints + 5_000) / 10_000;
    }

    void applyToLines(Basket b, Evaluation e, int[] lines, int count) {
        if (lines == null || count == 0) {
            return;
        }
        long[] perLine = new long[count];
        switch (promotion.kind()) {
            case PERCENT_OFF, AMOUNT_OFF -> {
                for (int k = 0; k < count; k++) {
                    int i = lines[k];
                    long units = e.unclaimed[i];
                    long d = promotion.kind() == Promotion.Kind.PERCENT_OFF ? percentOf(units * b.unitPrice[i])
                            : units * Math.min(amount, b.unitPrice[i]);
                    if (d > 0) {
                        perLine[k] = d;
                        e.unclaimed[i] = 0;
                    }
                }
            }
            case BUY_X_GET_Y -> buyGet(b, e, lines, count, perLine);
            case MULTI_BUY -> multiBuy(b, e, lines, count, perLine);
            default -> throw new IllegalStateException(promotion.kind().name());
        }
        e.addLines(promotion, perLine, lines, count);
    }

    /** Positions k of {@code lines} with units left, most expensive first, then by line number. */
    private static int[] byPriceDescending(Basket b, Evaluation e, int[] lines, int count) {
        return Arrays.stream(Arrays.copyOf(lines, count)).boxed().filter(i -> e.unclaimed[i] > 0)
                .sorted((x, y) -> b.unitPrice[x] != b.unitPrice[y] ? Long.compare(b.unitPrice[y], b.unitPrice[x])
                        : Integer.compare(b.lineNos[x], b.lineNos[y]))
                .mapToInt(i -> indexOf(lines, count, i)).toArray();
    }

    private static int indexOf(int[] lines, int count, int line) {
        for (int k = 0; k < count; k++) {
            if (lines[k] == line) {
                return k;
            }
        }
        throw new IllegalStateException();
    }

    /**
     * Units in a row from the most expensive down; groups of buy + get; the last {@code get} units
     * of each full group are free. Counted per line arithmetically, so large quantities cost nothing.
     */
    private void buyGet(Basket b, Evaluation e, int[] lines, int count, long[] perLine) {
        int[] order = byPriceDescending(b, e, lines, count);
        long total = 0;
        for (int k : order) {
            total += e.unclaimed[lines[k]];
        }
        long group = (long) promotion.buy() + promotion.get();
        long limit = total / group * group;
        long start = 0;
        for (int k : order) {
            int i = lines[k];
            long end = start + e.unclaimed[i];
            long from = Math.min(start, limit);
            long to = Math.min(end, limit);
            long free = freeBefore(to, group) - freeBefore(from, group);
            perLine[k] = free * b.unitPrice[i];
            e.unclaimed[i] -= to - from;
            start = end;
        }
    }

    private long freeBefore(long n, long group) {
        return n / group * promotion.get() + Math.max(0, n % group - promotion.buy());
    }

    /** Groups of {@code buy} units from the most expensive down, each for {@code price}, while a group saves something. */
    private void multiBuy(Basket b, Evaluation e, int[] lines, int count, long[] perLine) {
        int[] order = byPriceDescending(b, e, lines, count);
        long n = promotion.buy();
        int pos = 0;
        while (pos < order.length) {
            int i = lines[order[pos]];
            long left = e.unclaimed[i];
            if (left == 0) {
                pos++;
                continue;
            }
            if (left >= n) {
                long saving = n * b.unitPrice[i] - price;
                if (saving <= 0) {
                    return;
                }
                long groups = left / n;
                perLine[order[pos]] += groups * saving;
                e.unclaimed[i] -= groups * n;
                continue;
            }
            // a group across lines: take units from this line and the next ones
            int[] parts = new int[order.length];
            long[] taken = new long[order.length];
            int m = 0;
            long need = n;
            long value = 0;
            for (int q = pos; q < order.length && need > 0; q++) {
                int j = lines[order[q]];
                long t = Math.min(need, e.unclaimed[j]);
                if (t > 0) {
                    parts[m] = order[q];
                    taken[m++] = t;
                    need -= t;
                    value += t * b.unitPrice[j];
                }
            }
            if (need > 0 || value - price <= 0) {
                return;
            }
            long[] weights = new long[m];
            for (int q = 0; q < m; q++) {
                weights[q] = taken[q] * b.unitPrice[lines[parts[q]]];
            }
            long[] shares = allocate(value - price, weights);
            for (int q = 0; q < m; q++) {
                perLine[parts[q]] += shares[q];
                e.unclaimed[lines[parts[q]]] -= taken[q];
            }
        }
    }

    /** A threshold on departments or items: on what is left to pay in scope, spread over the scope's lines. */
    void applyScopedThreshold(Basket b, Evaluation e, int[] lines, int count) {
        if (lines == null || count == 0) {
            return;
        }
        long[] weights = new long[count];
        long base = 0;
        for (int k = 0; k < count; k++) {
            int i = lines[k];
            weights[k] = b.value[i] - e.lineDiscount[i];
            base += weights[k];
        }
        long d = thresholdDiscount(base);
        if (d > 0) {
            e.addLines(promotion, allocate(d, weights), lines, count);
        }
    }

    /** Basket percent, amount or threshold on what is left to pay after everything before it. */
    void applyToBasket(Basket b, Evaluation e) {
        long base = -e.total();
        for (long v : b.value) {
            base += v;
        }
        long d = switch (promotion.kind()) {
            case PERCENT_OFF -> percentOf(base);
            case AMOUNT_OFF -> Math.min(amount, base);
            case BASKET_THRESHOLD -> thresholdDiscount(base);
            default -> throw new IllegalStateException(promotion.kind().name());
        };
        if (d > 0) {
            e.basketDiscount += d;
            e.applied.add(new PromotionEngine.Applied(promotion, d, java.util.Map.of()));
        }
    }

    private long thresholdDiscount(long base) {
        if (base <= 0 || base < threshold) {
            return 0;
        }
        return promotion.percent() != null ? percentOf(base) : Math.min(amount, base);
    }

    private static long share(long amount, long weight, long total) {
        long hi = Math.multiplyHigh(amount, weight);
        long lo = amount * weight;
        if (hi == 0 && lo >= 0) {
            return lo / total;
        }
        return BigDecimal.valueOf(amount).multiply(BigDecimal.valueOf(weight))
                .divideToIntegralValue(BigDecimal.valueOf(total)).longValueExact();
    }

    /**
     * Spreads {@code amount} (at most the sum of {@code weights}) pro rata, rounding down, the
     * remainder to the largest weights first; shares sum exactly and never exceed their weight.
     */
    static long[] allocate(long amount, long[] weights) {
        long total = 0;
        for (long w : weights) {
            total += w;
        }
        if (amount < 0 || amount > total) {
            throw new IllegalArgumentException("cannot spread %d over %d".formatted(amount, total));
        }
        long[] shares = new long[weights.length];
        long given = 0;
        for (int k = 0; k < weights.length; k++) {
            shares[k] = total == 0 ? 0 : share(amount, weights[k], total);
            given += shares[k];
        }
        long rest = amount - given;
        Integer[] bySize = new Integer[weights.length];
        for (int k = 0; k < bySize.length; k++) {
            bySize[k] = k;
        }
        Arrays.sort(bySize, (x, y) -> weights[x] != weights[y] ? Long.compare(weights[y], weights[x]) : Integer.compare(x, y));
        for (int k : bySize) {
            if (rest == 0) {
                break;
            }
            long extra = Math.min(rest, weights[k] - shares[k]);
            shares[k] += extra;
            rest -= extra;
        }
        return shares;
    }
}
