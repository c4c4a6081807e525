package io.storedesk.pos.headoffice.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The figures of a store daily report (API.md, {@code GET /api/v1/reports/daily}) in one currency,
 * exactly (BigDecimal), for one store or summed over stores; written out with the currency's minor
 * units and sorted map keys, as the store writes its own report.
 */
final class Figures {

    final String currency;
    long salesCount;
    BigDecimal grossSales = BigDecimal.ZERO;
    BigDecimal discounts = BigDecimal.ZERO;
    BigDecimal salesTotal = BigDecimal.ZERO;
    BigDecimal taxTotal = BigDecimal.ZERO;
    BigDecimal cashRounding = BigDecimal.ZERO;
    long returnsCount;
    BigDecimal returns = BigDecimal.ZERO;
    long voidCount;
    BigDecimal voidAmount = BigDecimal.ZERO;
    /** rate -> {gross, tax}. */
    final Map<String, BigDecimal[]> taxByRate = new TreeMap<>();
    final Map<String, BigDecimal> tenders = new TreeMap<>();
    final Map<String, BigDecimal> byDepartment = new TreeMap<>();
    final Map<String, BigDecimal> byHour = new TreeMap<>();
    final Map<String, BigDecimal> refundsByTender = new TreeMap<>();
    /** Sales totals per clerk (the range report shows them; the daily report keeps the store report's shape). */
    final Map<String, BigDecimal> byClerk = new TreeMap<>();
    /** Tax-exempt sales by reason: {count, net of their exempt lines}. */
    final Map<String, BigDecimal[]> taxExempt = new TreeMap<>();
    /** Gift cards sold (issue 26) by kind (ACTIVATE, RELOAD): {count, amount}; a liability, in no sales figure. */
    final Map<String, BigDecimal[]> giftCards = new TreeMap<>();
    /** Price overrides and manual discounts (issue 24) by reason code and by clerk: {count, amount}. */
    final Map<String, BigDecimal[]> discountsByReason = new TreeMap<>();
    final Map<String, BigDecimal[]> discountsByClerk = new TreeMap<>();

    Figures(String currency) {
        this.currency = currency;
    }

    void rate(String rate, BigDecimal gross, BigDecimal tax) {
        BigDecimal[] r = taxByRate.computeIfAbsent(rate, k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
        r[0] = r[0].add(gross);
        r[1] = r[1].add(tax);
    }

    void exempt(String reason, long count, BigDecimal net) {
        BigDecimal[] r = taxExempt.computeIfAbsent(reason, k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
        r[0] = r[0].add(BigDecimal.valueOf(count));
        r[1] = r[1].add(net);
    }

    void giftCards(String kind, long count, BigDecimal amount) {
        BigDecimal[] g = giftCards.computeIfAbsent(kind, k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
        g[0] = g[0].add(BigDecimal.valueOf(count));
        g[1] = g[1].add(amount);
    }

    void discountByReason(String reason, long count, BigDecimal amount) {
        countAmount(discountsByReason, reason, count, amount);
    }

    void discountByClerk(String clerk, long count, BigDecimal amount) {
        countAmount(discountsByClerk, clerk, count, amount);
    }

    private static void countAmount(Map<String, BigDecimal[]> into, String key, long count, BigDecimal amount) {
        BigDecimal[] r = into.computeIfAbsent(key, k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
        r[0] = r[0].add(BigDecimal.valueOf(count));
        r[1] = r[1].add(amount);
    }

    void add(Figures o) {
        salesCount += o.salesCount;
        grossSales = grossSales.add(o.grossSales);
        discounts = discounts.add(o.discounts);
        salesTotal = salesTotal.add(o.salesTotal);
        taxTotal = taxTotal.add(o.taxTotal);
        cashRounding = cashRounding.add(o.cashRounding);
        returnsCount += o.returnsCount;
        returns = returns.add(o.returns);
        voidCount += o.voidCount;
        voidAmount = voidAmount.add(o.voidAmount);
        o.taxByRate.forEach((rate, r) -> rate(rate, r[0], r[1]));
        o.tenders.forEach((k, v) -> tenders.merge(k, v, BigDecimal::add));
        o.byDepartment.forEach((k, v) -> byDepartment.merge(k, v, BigDecimal::add));
        o.byHour.forEach((k, v) -> byHour.merge(k, v, BigDecimal::add));
        o.refundsByTender.forEach((k, v) -> refundsByTender.merge(k, v, BigDecimal::add));
        o.byClerk.forEach((k, v) -> byClerk.merge(k, v, BigDecimal::add));
        o.taxExempt.forEach((reason, r) -> exempt(reason, r[0].longValueExact(), r[1]));
        o.giftCards.forEach((kind, g) -> giftCards(kind, g[0].longValueExact(), g[1]));
        o.discountsByReason.forEach((reason, d) -> discountByReason(reason, d[0].longValueExact(), d[1]));
        o.discountsByClerk.forEach((clerk, d) -> discountByClerk(clerk, d[0].longValueExact(), d[1]));
    }

    /** The JSON object; with {@code withCurrency} it starts with {@code "currency"} (the byStore form). */
    Map<String, Object> toJson(boolean withCurrency) {
        return toJson(withCurrency, false);
    }

    /** With {@code withClerks} also {@code "byClerk"}. */
    Map<String, Object> toJson(boolean withCurrency, boolean withClerks) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (withCurrency) {
            out.put("currency", currency);
        }
        out.put("salesCount", salesCount);
        out.put("grossSales", str(grossSales));
        out.put("discounts", str(discounts));
        out.put("salesTotal", str(salesTotal));
        out.put("returns", str(returns));
        out.put("returnsCount", returnsCount);
        out.put("netSales", str(salesTotal.subtract(returns)));
        out.put("refundRate", rate(returns, salesTotal));
        out.put("taxTotal", str(taxTotal));
        out.put("cashRounding", str(cashRounding));
        Map<String, Map<String, String>> rates = new TreeMap<>();
        taxByRate.forEach((rate, r) -> {
            Map<String, String> f = new LinkedHashMap<>();
            f.put("net", str(r[0].subtract(r[1])));
            f.put("tax", str(r[1]));
            f.put("gross", str(r[0]));
            rates.put(rate, f);
        });
        out.put("taxByRate", rates);
        out.put("tenders", strings(tenders));
        out.put("byDepartment", strings(byDepartment));
        out.put("byHour", strings(byHour));
        out.put("refundsByTender", strings(refundsByTender));
        Map<String, Object> voids = new LinkedHashMap<>();
        voids.put("count", voidCount);
        voids.put("amount", str(voidAmount));
        out.put("voids", voids);
        Map<String, Object> exempt = new LinkedHashMap<>(); // as the store report's taxExempt section
        Map<String, Object> byReason = new TreeMap<>();
        BigDecimal count = BigDecimal.ZERO;
        BigDecimal net = BigDecimal.ZERO;
        for (Map.Entry<String, BigDecimal[]> e : taxExempt.entrySet()) {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("count", e.getValue()[0].longValueExact());
            f.put("net", str(e.getValue()[1]));
            byReason.put(e.getKey(), f);
            count = count.add(e.getValue()[0]);
            net = net.add(e.getValue()[1]);
        }
        exempt.put("count", count.longValueExact());
        exempt.put("net", str(net));
        exempt.put("byReason", byReason);
        out.put("taxExempt", exempt);
        // as the store report's giftCardsSold: apart from the sales, paid for in the tenders
        BigDecimal[] none = {BigDecimal.ZERO, BigDecimal.ZERO};
        BigDecimal[] activations = giftCards.getOrDefault("ACTIVATE", none);
        BigDecimal[] reloads = giftCards.getOrDefault("RELOAD", none);
        Map<String, Object> gifts = new LinkedHashMap<>();
        gifts.put("count", activations[0].add(reloads[0]).longValueExact());
        gifts.put("amount", str(activations[1].add(reloads[1])));
        gifts.put("activations", countAmount(activations));
        gifts.put("reloads", countAmount(reloads));
        out.put("giftCardsSold", gifts);
        out.put("manualDiscounts", manualDiscounts());
        if (withClerks) {
            out.put("byClerk", strings(byClerk));
        }
        return out;
    }

    /**
     * As the store report's manualDiscounts section: count and amount in all, by reason and by clerk, each clerk's
     * with the share of their sales it gave away ({@code discountRate} = amount / (their sales + amount)).
     */
    private Map<String, Object> manualDiscounts() {
        BigDecimal count = BigDecimal.ZERO;
        BigDecimal amount = BigDecimal.ZERO;
        Map<String, Object> byReason = new TreeMap<>();
        for (Map.Entry<String, BigDecimal[]> e : discountsByReason.entrySet()) {
            byReason.put(e.getKey(), countAmount(e.getValue()));
            count = count.add(e.getValue()[0]);
            amount = amount.add(e.getValue()[1]);
        }
        Map<String, Object> byClerk = new TreeMap<>();
        discountsByClerk.forEach((clerk, d) -> {
            Map<String, Object> one = countAmount(d);
            BigDecimal sold = byClerk(clerk);
            one.put("discountRate", sold.signum() == 0 ? null : rate(d[1], sold.add(d[1])));
            byClerk.put(clerk, one);
        });
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("count", count.longValueExact());
        out.put("amount", str(amount));
        out.put("byReason", byReason);
        out.put("byClerk", byClerk);
        return out;
    }

    private BigDecimal byClerk(String clerk) {
        return this.byClerk.getOrDefault(clerk, BigDecimal.ZERO);
    }

    /** {@code part / whole} to 4 places (0.0125 = 1.25 %), or null when {@code whole} is zero. */
    private static String rate(BigDecimal part, BigDecimal whole) {
        return whole.signum() == 0 ? null : part.divide(whole, 4, RoundingMode.HALF_UP).toPlainString();
    }

    private Map<String, Object> countAmount(BigDecimal[] figure) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("count", figure[0].longValueExact());
        out.put("amount", str(figure[1]));
        return out;
    }

    String str(BigDecimal amount) {
        int digits = Currency.getInstance(currency).getDefaultFractionDigits();
        return amount.setScale(Math.max(digits, 0), RoundingMode.HALF_UP).toPlainString();
    }

    private Map<String, String> strings(Map<String, BigDecimal> amounts) {
        Map<String, String> out = new TreeMap<>();
        amounts.forEach((k, v) -> out.put(k, str(v)));
        return out;
    }
}
