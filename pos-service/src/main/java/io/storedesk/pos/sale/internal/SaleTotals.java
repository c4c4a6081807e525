package io.storedesk.pos.sale.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.storedesk.pos.common.Money;
import io.storedesk.pos.common.StoreProperties;
import io.storedesk.pos.sale.DayTotals;
import io.storedesk.pos.sale.GiftCardsSold;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Totalizers: running totals per business day and register, by kind (the day itself, tax rate,
 * department, tender, hour), added to in the sale's own transaction under the register's lock.
 * A day's totals are then a few rows to read, whatever the number of sales. A post-voided sale
 * is subtracted again (in the void's transaction) and counted under VOID. Gift-card lines (issue 26) are counted
 * under GIFT only: a gift card sold is money held for the customer, not a sale of goods, so it is in no sales, tax,
 * department or hour figure; what paid for it is in the tenders (the cash is in the drawer).
 */
@Component
class SaleTotals {

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final StoreProperties store;

    SaleTotals(JdbcClient jdbc, JdbcTemplate template, StoreProperties store) {
        this.jdbc = jdbc;
        this.template = template;
        this.store = store;
    }

    /** Gift cards sold, by kind (ACTIVATE, RELOAD): amount1 their amount, cnt the cards. */
    static final String GIFT = "GIFT";

    private record Add(String kind, String key, BigDecimal a1, BigDecimal a2, BigDecimal a3, long count) {
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void add(Sale sale) {
        apply(sale, false);
    }

    /** Takes a voided sale out of its day's totals and counts it among the day's voids. */
    @Transactional(propagation = Propagation.MANDATORY)
    void subtractVoided(Sale sale) {
        apply(sale, true);
    }

    private void apply(Sale sale, boolean voided) {
        List<Add> adds = new ArrayList<>();
        // gift cards sold are a liability, not revenue (issue 26): apart under GIFT, in no sales figure
        Map<String, BigDecimal[]> gifts = new TreeMap<>();
        BigDecimal giftTotal = BigDecimal.ZERO;
        for (SaleLine l : sale.lines()) {
            if (l.giftCard != null) {
                BigDecimal[] g = gifts.computeIfAbsent(l.giftCardKind, k -> new BigDecimal[] {BigDecimal.ZERO,
                        BigDecimal.ZERO});
                g[0] = g[0].add(l.net);
                g[1] = g[1].add(BigDecimal.ONE);
                giftTotal = giftTotal.add(l.net);
            }
        }
        BigDecimal goodsTotal = sale.total().subtract(giftTotal);
        adds.add(new Add("DAY", "", sale.subtotal().subtract(giftTotal), sale.discountTotal(), goodsTotal, 1));
        adds.add(new Add("ROUNDING", "", sale.cashRounding(), sale.taxTotal(), BigDecimal.ZERO, 1));
        gifts.forEach((kind, g) -> adds.add(new Add(GIFT, kind, g[0], BigDecimal.ZERO, BigDecimal.ZERO,
                g[1].longValueExact())));
        Map<String, BigDecimal[]> rates = new TreeMap<>();
        Map<String, BigDecimal> departments = new TreeMap<>();
        for (SaleLine l : sale.lines()) {
            if (l.giftCard != null) {
                continue;
            }
            // keyed by the rate as the sale's view shows it ("21", "5.5")
            BigDecimal[] r = rates.computeIfAbsent(l.taxRate.stripTrailingZeros().toPlainString(),
                    k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
            r[0] = r[0].add(l.net);
            r[1] = r[1].add(l.tax);
            departments.merge(l.department, l.net, BigDecimal::add);
        }
        rates.forEach((rate, r) -> adds.add(new Add("RATE", rate, r[0], r[1], BigDecimal.ZERO, 1)));
        departments.forEach((dept, net) -> adds.add(new Add("DEPT", dept, net, BigDecimal.ZERO, BigDecimal.ZERO, 1)));
        Map<String, BigDecimal> tenders = new TreeMap<>();
        sale.tenders().forEach(t -> tenders.merge(t.type, t.amount, BigDecimal::add));
        tenders.forEach((type, amount) -> adds.add(new Add("TENDER", type, amount, BigDecimal.ZERO, BigDecimal.ZERO, 1)));
        Instant completedAt = sale.completedAt();
        int hour = completedAt.atZone(store.zone()).getHour();
        adds.add(new Add("HOUR", String.format("%02d", hour), goodsTotal, BigDecimal.ZERO,
                BigDecimal.ZERO, 1));
        if (voided) {
            adds.replaceAll(a -> new Add(a.kind(), a.key(), a.a1().negate(), a.a2().negate(), a.a3().negate(), -a.count()));
            adds.add(new Add("VOID", "", sale.total(), BigDecimal.ZERO, BigDecimal.ZERO, 1));
        }
        // one batch of updates; the rows a day does not have yet are inserted in a second batch
        int[] updated = template.batchUpdate("UPDATE day_totalizer SET amount1 = amount1 + ?, amount2 = amount2 + ?, "
                        + "amount3 = amount3 + ?, cnt = cnt + ? "
                        + "WHERE business_date = ? AND register_id = ? AND kind = ? AND tkey = ?",
                adds.stream().map(a -> new Object[] {a.a1(), a.a2(), a.a3(), a.count(), sale.businessDate(),
                        sale.registerId(), a.kind(), a.key()}).toList());
        List<Object[]> missing = new ArrayList<>();
        for (int i = 0; i < adds.size(); i++) {
            if (updated[i] == 0) {
                Add a = adds.get(i);
                missing.add(new Object[] {sale.businessDate(), sale.registerId(), a.kind(), a.key(), a.a1(), a.a2(),
                        a.a3(), a.count()});
            }
        }
        if (!missing.isEmpty()) {
            template.batchUpdate("INSERT INTO day_totalizer (business_date, register_id, kind, tkey, amount1, amount2, "
                    + "amount3, cnt) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", missing);
        }
    }

    DayTotals of(LocalDate date) {
        Currency currency = store.currency();
        Map<String, Map<String, BigDecimal[]>> byKind = new LinkedHashMap<>();
        jdbc.sql("SELECT kind, tkey, SUM(amount1), SUM(amount2), SUM(amount3), SUM(cnt) FROM day_totalizer "
                        + "WHERE business_date = ? GROUP BY kind, tkey").param(date)
                .query(rs -> {
                    if (rs.getLong(6) == 0 && !"DAY".equals(rs.getString(1)) && !"ROUNDING".equals(rs.getString(1))) {
                        return; // only post-voided sales were counted here
                    }
                    byKind.computeIfAbsent(rs.getString(1), k -> new TreeMap<>()).put(rs.getString(2), new BigDecimal[] {
                            rs.getBigDecimal(3), rs.getBigDecimal(4), rs.getBigDecimal(5), rs.getBigDecimal(6)});
                });
        BigDecimal[] day = byKind.getOrDefault("DAY", Map.of()).getOrDefault("",
                new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO});
        BigDecimal[] rounding = byKind.getOrDefault("ROUNDING", Map.of()).getOrDefault("",
                new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO});
        BigDecimal[] voids = byKind.getOrDefault("VOID", Map.of()).getOrDefault("",
                new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO});
        Map<String, DayTotals.TaxFigures> taxByRate = new TreeMap<>();
        byKind.getOrDefault("RATE", Map.of()).forEach((rate, v) -> taxByRate.put(rate, new DayTotals.TaxFigures(
                money(v[1], currency), money(v[0], currency))));
        Map<String, Money> departments = new TreeMap<>();
        byKind.getOrDefault("DEPT", Map.of()).forEach((k, v) -> departments.put(k, money(v[0], currency)));
        Map<String, Money> tenders = new TreeMap<>();
        byKind.getOrDefault("TENDER", Map.of()).forEach((k, v) -> tenders.put(k, money(v[0], currency)));
        Map<Integer, Money> byHour = new TreeMap<>();
        byKind.getOrDefault("HOUR", Map.of()).forEach((k, v) -> byHour.put(Integer.parseInt(k), money(v[0], currency)));
        Map<String, BigDecimal[]> gifts = byKind.getOrDefault(GIFT, Map.of());
        BigDecimal[] none = {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO};
        BigDecimal[] activations = gifts.getOrDefault("ACTIVATE", none);
        BigDecimal[] reloads = gifts.getOrDefault("RELOAD", none);
        GiftCardsSold giftCards = new GiftCardsSold(activations[3].add(reloads[3]).longValue(),
                money(activations[0].add(reloads[0]), currency),
                new GiftCardsSold.Figure(activations[3].longValue(), money(activations[0], currency)),
                new GiftCardsSold.Figure(reloads[3].longValue(), money(reloads[0], currency)));
        return new DayTotals(date, currency.getCurrencyCode(), day[3].longValue(), money(day[0], currency),
                money(day[1], currency), money(day[2], currency), money(rounding[1], currency),
                money(rounding[0], currency), taxByRate, tenders, departments, byHour, voids[3].longValue(),
                money(voids[0], currency), giftCards);
    }

    /** A summed amount rounded to the currency, once, here. */
    private static Money money(BigDecimal amount, Currency currency) {
        return Money.rounded(amount, currency);
    }
}
