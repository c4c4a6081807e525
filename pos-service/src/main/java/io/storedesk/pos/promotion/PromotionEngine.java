package io.storedesk.pos.promotion;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.storedesk.pos.common.Money;

/**
 * Prices a basket against one promotion set. Built once per set version (promotions indexed by
 * SKU and department), then pure and thread-safe: the same basket at the same time always gets
 * the same promotions, amounts and allocation.
 *
 * <h2>How a basket is priced</h2>
 * <ol>
 * <li><b>Eligible</b>: a promotion takes part if it runs at the basket's store time (dates,
 * days, hours), its coupon (if any) was presented and, if member-only, a loyalty card was given.</li>
 * <li><b>Order</b>: promotions are taken by {@code priority}, highest first; equal priorities by
 * code, alphabetically. This order is the tie-break everywhere below.</li>
 * <li><b>Item and department promotions</b> (percent or amount off, multi-buy, buy X get Y) come
 * first. Each unit of the basket can be claimed by at most one of them: the first promotion in the
 * order that can use a unit claims it, and later ones see only the units left. Percent and amount
 * off claim every unit left in their scope; a multi-buy and a buy X get Y claim whole groups
 * only, formed from the most expensive units down (ties by line number): in a buy X get Y group
 * the cheapest Y units are free; a multi-buy group of N units costs its price, and groups that
 * would not save anything are not formed. Units outside a full group stay unclaimed.</li>
 * <li><b>Department and item thresholds</b> next: what is left to pay in the scope (after step 3)
 * is compared with the threshold (at least the threshold qualifies); the discount falls on the
 * scope's lines pro rata.</li>
 * <li><b>Basket promotions</b> last (basket percent or amount off, basket threshold), each on what
 * is left to pay after everything before it; they stack in the order.</li>
 * <li><b>Exclusivity</b>: an exclusive promotion is never combined with any other. The engine
 * prices the basket once with all eligible non-exclusive promotions together and once with each
 * eligible exclusive promotion alone, and keeps whichever gives the customer the biggest total
 * discount (best price). On a tie the non-exclusive combination wins; between exclusive ones,
 * the earlier in the order.</li>
 * </ol>
 * Percentages are worked out per line and rounded half up to the minor unit; amounts a group or
 * a threshold earns are spread pro rata, rounded down, the remainder going to the largest share.
 * No line is ever discounted beyond its value and the discount never exceeds the basket's value.
 */
public final class PromotionEngine {

    private static final Comparator<Promotion> ORDER = Comparator.comparingInt(Promotion::priority).reversed()
            .thenComparing(Promotion::code);

    private final long version;
    private final java.util.Currency currency;
    private final Rule[] rules;
    private final Map<String, int[]> bySku;
    private final Map<String, int[]> byDepartment;
    private final int[] basketWide;
    private final Set<String> coupons;

    private PromotionEngine(long version, java.util.Currency currency, List<Promotion> promotions) {
        this.version = version;
        this.currency = currency;
        List<Promotion> sorted = promotions.stream().sorted(ORDER).toList();
        int scale = currency.getDefaultFractionDigits();
        this.rules = new Rule[sorted.size()];
        Map<String, List<Integer>> skus = new HashMap<>();
        Map<String, List<Integer>> departments = new HashMap<>();
        List<Integer> basket = new ArrayList<>();
        Set<String> codes = new TreeSet<>();
        for (int r = 0; r < sorted.size(); r++) {
            Promotion p = sorted.get(r);
            Rule rule = new Rule(r, p, scale);
            rules[r] = rule;
            switch (p.scope()) {
                case ITEM -> p.targets().forEach(t -> skus.computeIfAbsent(t, k -> new ArrayList<>()).add(rule.rank));
                case DEPARTMENT -> p.targets().forEach(t -> departments.computeIfAbsent(t, k -> new ArrayList<>())
                        .add(rule.rank));
                case BASKET -> basket.add(r);
            }
            if (p.coupon() != null) {
                codes.add(p.coupon());
            }
        }
        this.bySku = toArrays(skus);
        this.byDepartment = toArrays(departments);
        this.basketWide = basket.stream().mapToInt(Integer::intValue).toArray();
        this.coupons = Set.copyOf(codes);
    }

    public static PromotionEngine of(PromotionSet set, java.util.Currency currency) {
        return new PromotionEngine(set.version(), currency, set.promotions());
    }

    public long version() {
        return version;
    }

    /** The coupons of {@code presented} that no promotion of this set knows, normalized. */
    public List<String> unknownCoupons(Collection<String> presented) {
        return presented.stream().map(Promotion::normalizeCoupon).filter(c -> !coupons.contains(c)).distinct().toList();
    }

    public PromotionOutcome apply(PromotionBasket basket) {
        Basket b = new Basket(basket, currency);
        Set<String> presented = new java.util.HashSet<>();
        basket.coupons().forEach(c -> presented.add(Promotion.normalizeCoupon(c)));
        // which rules can touch which lines
        int[][] linesOf = new int[rules.length][];
        int[] counts = new int[rules.length];
        BitSet candidates = new BitSet(rules.length);
        for (int i = 0; i < b.n; i++) {
            mark(bySku.get(b.skus[i]), i, linesOf, counts, candidates);
            mark(byDepartment.get(b.departments[i]), i, linesOf, counts, candidates);
        }
        for (int r : basketWide) {
            candidates.set(r);
        }
        List<Rule> shared = new ArrayList<>();
        List<Rule> exclusive = new ArrayList<>();
        for (int r = candidates.nextSetBit(0); r >= 0; r = candidates.nextSetBit(r + 1)) {
            Rule rule = rules[r];
            Promotion p = rule.promotion;
            if ((p.coupon() != null && !presented.contains(p.coupon())) || (p.memberOnly() && !basket.loyaltyCard())
                    || !p.runsAt(basket.time())) {
                continue;
            }
            (p.exclusive() ? exclusive : shared).add(rule);
        }
        Evaluation best = evaluate(b, shared, linesOf, counts);
        for (Rule rule : exclusive) {
            Evaluation alone = evaluate(b, List.of(rule), linesOf, counts);
            if (alone.total() > best.total()) {
                best = alone;
            }
        }
        return best.outcome(b, currency, version);
    }

    private static void mark(int[] ranks, int line, int[][] linesOf, int[] counts, BitSet candidates) {
        if (ranks == null) {
            return;
        }
        for (int r : ranks) {
            int[] ls = linesOf[r];
            if (ls == null) {
                ls = linesOf[r] = new int[4];
            } else if (counts[r] == ls.length) {
                ls = linesOf[r] = java.util.Arrays.copyOf(ls, ls.length * 2);
            }
            if (counts[r] > 0 && ls[counts[r] - 1] == line) {
                continue; // an item promotion that also names the line's department
            }
            ls[counts[r]++] = line;
            candidates.set(r);
        }
    }

    private static Evaluation evaluate(Basket b, List<Rule> rules, int[][] linesOf, int[] counts) {
        Evaluation e = new Evaluation(b);
        for (Rule rule : rules) {
            if (rule.lineLevel()) {
                rule.applyToLines(b, e, linesOf[rule.rank], counts[rule.rank]);
            }
        }
        for (Rule rule : rules) {
            if (rule.promotion.kind() == Promotion.Kind.BASKET_THRESHOLD && rule.promotion.scope() != Promotion.Scope.BASKET) {
                rule.applyScopedThreshold(b, e, linesOf[rule.rank], counts[rule.rank]);
            }
        }
        for (Rule rule : rules) {
            if (rule.promotion.scope() == Promotion.Scope.BASKET) {
                rule.applyToBasket(b, e);
            }
        }
        return e;
    }

    private static Map<String, int[]> toArrays(Map<String, List<Integer>> index) {
        Map<String, int[]> out = new HashMap<>();
        index.forEach((k, v) -> out.put(k, v.stream().mapToInt(Integer::intValue).toArray()));
        return out;
    }

    /** The basket in minor units. */
    static final class Basket {
        final int n;
        final int[] lineNos;
        final String[] skus;
        final String[] departments;
        final long[] quantity;
        final long[] unitPrice;
        final long[] value;

        Basket(PromotionBasket basket, java.util.Currency currency) {
            n = basket.lines().size();
            lineNos = new int[n];
            skus = new String[n];
            departments = new String[n];
            quantity = new long[n];
            unitPrice = new long[n];
            value = new long[n];
            for (int i = 0; i < n; i++) {
                PromotionBasket.Line l = basket.lines().get(i);
                if (!l.unitPrice().currency().equals(currency)) {
                    throw new IllegalArgumentException("line %d is in %s, promotions in %s"
                            .formatted(l.lineNo(), l.unitPrice().currency(), currency));
                }
                lineNos[i] = l.lineNo();
                skus[i] = l.sku();
                departments[i] = l.department();
                quantity[i] = Math.max(0, l.quantity());
                unitPrice[i] = Math.max(0, l.unitPrice().minorUnits());
                value[i] = quantity[i] * unitPrice[i];
            }
        }
    }

    /** The running result of pricing a basket with some promotions. */
    static final class Evaluation {
        final long[] unclaimed;
        final long[] lineDiscount;
        long basketDiscount;
        final List<Applied> applied = new ArrayList<>();

        Evaluation(Basket b) {
            unclaimed = b.quantity.clone();
            lineDiscount = new long[b.n];
        }

        long total() {
            long t = basketDiscount;
            for (long d : lineDiscount) {
                t += d;
            }
            return t;
        }

        void addLines(Promotion p, long[] perLine, int[] lines, int count) {
            long sum = 0;
            Map<Integer, Long> alloc = new LinkedHashMap<>();
            for (int k = 0; k < count; k++) {
                int i = lines[k];
                if (perLine[k] > 0) {
                    lineDiscount[i] += perLine[k];
                    alloc.merge(i, perLine[k], Long::sum);
                    sum += perLine[k];
                }
            }
            if (sum > 0) {
                applied.add(new Applied(p, sum, alloc));
            }
        }

        PromotionOutcome outcome(Basket b, java.util.Currency currency, long version) {
            Map<Integer, Money> lines = new LinkedHashMap<>();
            for (int i = 0; i < b.n; i++) {
                if (lineDiscount[i] > 0) {
                    lines.put(b.lineNos[i], money(lineDiscount[i], currency));
                }
            }
            List<AppliedPromotion> out = new ArrayList<>(applied.size());
            for (Applied a : applied) {
                Map<Integer, Money> alloc = new LinkedHashMap<>();
                a.lines.forEach((i, v) -> alloc.put(b.lineNos[i], money(v, currency)));
                out.add(new AppliedPromotion(a.promotion.code(), a.promotion.description(), money(a.amount, currency),
                        alloc));
            }
            return new PromotionOutcome(lines, money(basketDiscount, currency), out, version);
        }
    }

    record Applied(Promotion promotion, long amount, Map<Integer, Long> lines) {
    }

    static Money money(long minor, java.util.Currency currency) {
        return Money.of(BigDecimal.valueOf(minor, currency.getDefaultFractionDigits()), currency);
    }
}
