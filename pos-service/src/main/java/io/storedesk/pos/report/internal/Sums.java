package io.storedesk.pos.report.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import io.storedesk.pos.report.Figures;
import io.storedesk.pos.sale.DayTotals;

/**
 * Day totals of several business days added up, exactly (BigDecimal, the currency's scale), and written as the report
 * writes amounts ({@link #str}) once the sums are made.
 */
final class Sums {

    private final int scale;
    long count;
    /** gross, discounts, sales total. */
    final BigDecimal[] day = {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO};
    BigDecimal tax = BigDecimal.ZERO;
    BigDecimal rounding = BigDecimal.ZERO;
    /** rate -> {gross, tax}. */
    final Map<String, BigDecimal[]> rates = new TreeMap<>();
    final Map<String, BigDecimal> tenders = new TreeMap<>();
    final Map<String, BigDecimal> departments = new TreeMap<>();
    final Map<String, BigDecimal> hours = new TreeMap<>();
    /** Gift cards sold: {activations count, amount, reloads count, amount}. */
    long activations;
    long reloads;
    BigDecimal activated = BigDecimal.ZERO;
    BigDecimal reloaded = BigDecimal.ZERO;

    Sums(int scale) {
        this.scale = scale;
    }

    void add(DayTotals t) {
        count += t.salesCount();
        day[0] = day[0].add(t.grossSales().amount());
        day[1] = day[1].add(t.discounts().amount());
        day[2] = day[2].add(t.netSales().amount());
        tax = tax.add(t.taxTotal().amount());
        rounding = rounding.add(t.cashRounding().amount());
        t.taxByRate().forEach((rate, f) -> {
            BigDecimal[] r = rates.computeIfAbsent(rate, k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
            r[0] = r[0].add(f.gross().amount());
            r[1] = r[1].add(f.tax().amount());
        });
        t.tenders().forEach((k, v) -> tenders.merge(k, v.amount(), BigDecimal::add));
        t.byDepartment().forEach((k, v) -> departments.merge(k, v.amount(), BigDecimal::add));
        t.byHour().forEach((h, v) -> hours.merge("%02d".formatted(h), v.amount(), BigDecimal::add));
        activations += t.giftCardsSold().activations().count();
        activated = activated.add(t.giftCardsSold().activations().amount().amount());
        reloads += t.giftCardsSold().reloads().count();
        reloaded = reloaded.add(t.giftCardsSold().reloads().amount().amount());
    }

    Figures.GiftCards giftCardsSold() {
        return new Figures.GiftCards(activations + reloads, str(activated.add(reloaded)),
                new Figures.Counted(activations, str(activated)), new Figures.Counted(reloads, str(reloaded)));
    }

    Map<String, Map<String, String>> taxByRate() {
        Map<String, Map<String, String>> out = new TreeMap<>();
        rates.forEach((rate, r) -> {
            Map<String, String> f = new LinkedHashMap<>();
            f.put("net", str(r[0].subtract(r[1])));
            f.put("tax", str(r[1]));
            f.put("gross", str(r[0]));
            out.put(rate, f);
        });
        return out;
    }

    String str(BigDecimal amount) {
        return amount.setScale(scale, RoundingMode.HALF_UP).toPlainString();
    }

    static <K> Map<K, String> strings(Map<K, BigDecimal> amounts, Sums sums) {
        Map<K, String> out = new TreeMap<>();
        amounts.forEach((k, v) -> out.put(k, sums.str(v)));
        return out;
    }
}
