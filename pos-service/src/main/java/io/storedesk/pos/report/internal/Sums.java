package io.storedesk.pos.report.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import io.storedesk.pos.sale.DayTotals;
import io.storedesk.pos.sale.GiftCardsSold;

/** Day totals of several business days added up, exactly (BigDecimal, the currency's scale). */
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
        day[0] = day[0].add(new BigDecimal(t.grossSales()));
        day[1] = day[1].add(new BigDecimal(t.discounts()));
        day[2] = day[2].add(new BigDecimal(t.netSales()));
        tax = tax.add(new BigDecimal(t.taxTotal()));
        rounding = rounding.add(new BigDecimal(t.cashRounding()));
        t.taxByRate().forEach((rate, f) -> {
            BigDecimal[] r = rates.computeIfAbsent(rate, k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
            r[0] = r[0].add(new BigDecimal(f.get("gross")));
            r[1] = r[1].add(new BigDecimal(f.get("tax")));
        });
        t.tenders().forEach((k, v) -> tenders.merge(k, new BigDecimal(v), BigDecimal::add));
        t.byDepartment().forEach((k, v) -> departments.merge(k, new BigDecimal(v), BigDecimal::add));
        t.byHour().forEach((h, v) -> hours.merge("%02d".formatted(h), new BigDecimal(v), BigDecimal::add));
        activations += t.giftCardsSold().activations().count();
        activated = activated.add(new BigDecimal(t.giftCardsSold().activations().amount()));
        reloads += t.giftCardsSold().reloads().count();
        reloaded = reloaded.add(new BigDecimal(t.giftCardsSold().reloads().amount()));
    }

    GiftCardsSold giftCardsSold() {
        return new GiftCardsSold(activations + reloads, str(activated.add(reloaded)),
                new GiftCardsSold.Figure(activations, str(activated)), new GiftCardsSold.Figure(reloads, str(reloaded)));
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

    String zero() {
        return str(BigDecimal.ZERO);
    }

    static <K> Map<K, String> strings(Map<K, BigDecimal> amounts, Sums sums) {
        Map<K, String> out = new TreeMap<>();
        amounts.forEach((k, v) -> out.put(k, sums.str(v)));
        return out;
    }
}
