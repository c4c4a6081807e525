package io.storedesk.pos.headoffice.internal;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a batch changes in one store's business day: the scalar figures of {@code ho_day_total} and
 * the keyed figures of {@code ho_day_figure}, each keyed figure with the number of detail rows it
 * sums (a figure whose rows were all post-voided goes away, as it does in a report built from the
 * rows). Signed: a post-void that arrives after its sale subtracts the sale.
 */
final class DayDelta {

    static final String RATE = "RATE";
    static final String DEPARTMENT = "DEPARTMENT";
    static final String TENDER = "TENDER";
    static final String HOUR = "HOUR";
    static final String CLERK = "CLERK";
    static final String REFUND = "REFUND";
    /** Tax-exempt sales by exemption reason: rows = sales, amount = the net of their exempt lines. */
    static final String TAX_EXEMPT = "TAX_EXEMPT";
    /**
     * Gift cards sold (issue 26) by kind (ACTIVATE, RELOAD): rows = cards, amount = what they were loaded with; a
     * liability, in no sales figure (a sale with one is never post-voided, so nothing subtracts it).
     */
    static final String GIFT_CARD = "GIFT_CARD";
    /**
     * Price overrides and manual discounts (issue 24) by reason code ({@code MD_REASON}) and by the sale's clerk
     * ({@code MD_CLERK}): rows = discounts given, amount = the reduction they gave. Their detail is
     * {@code ho_sale_discount}; a post-voided sale's are taken away, a return leaves them (as the store's report).
     */
    static final String DISCOUNT_REASON = "MD_REASON";
    static final String DISCOUNT_CLERK = "MD_CLERK";

    /** One keyed figure: how many detail rows, their amount and (rates only) their tax. */
    static final class Keyed {
        long rows;
        BigDecimal amount = BigDecimal.ZERO;
        BigDecimal tax = BigDecimal.ZERO;
    }

    final String currency;
    long salesCount;
    BigDecimal grossSales = BigDecimal.ZERO;
    BigDecimal discounts = BigDecimal.ZERO;
    BigDecimal salesTotal = BigDecimal.ZERO;
    BigDecimal taxTotal = BigDecimal.ZERO;
    BigDecimal cashRounding = BigDecimal.ZERO;
    long voidCount;
    BigDecimal voidAmount = BigDecimal.ZERO;
    long returnsCount;
    BigDecimal returns = BigDecimal.ZERO;
    /** [kind, key] -> figure. */
    final Map<List<String>, Keyed> figures = new LinkedHashMap<>();
    /** Whether anything was subtracted (keyed figures may have dropped to no rows). */
    boolean subtracted;

    DayDelta(String currency) {
        this.currency = currency;
    }

    void figure(String kind, String key, long rows, BigDecimal amount, BigDecimal tax) {
        if (key == null) {
            return;
        }
        Keyed k = figures.computeIfAbsent(List.of(kind, key), x -> new Keyed());
        k.rows += rows;
        k.amount = k.amount.add(amount);
        k.tax = k.tax.add(tax);
    }

    /** A sale that stands, added to its business day. */
    void sale(Projected.Sale s) {
        salesCount++;
        grossSales = grossSales.add(s.subtotal());
        discounts = discounts.add(s.discountTotal());
        salesTotal = salesTotal.add(s.total());
        taxTotal = taxTotal.add(s.taxTotal());
        cashRounding = cashRounding.add(s.cashRounding());
        java.util.Set<Integer> lineNos = new java.util.HashSet<>();
        for (Projected.Line l : s.lines()) {
            if (lineNos.add(l.lineNo())) { // as ProjectionWriter keeps them: a line number once
                figure(RATE, l.taxRate(), 1, l.net(), l.tax());
                figure(DEPARTMENT, l.department(), 1, l.net(), BigDecimal.ZERO);
            }
        }
        for (Projected.Tender t : s.tenders()) {
            figure(TENDER, t.type(), 1, t.amount(), BigDecimal.ZERO);
        }
        for (Projected.GiftCardLine g : s.giftCards()) {
            figure(GIFT_CARD, g.kind(), 1, g.amount(), BigDecimal.ZERO);
        }
        figure(HOUR, s.hour(), 1, s.total(), BigDecimal.ZERO);
        figure(CLERK, s.clerk(), 1, s.total(), BigDecimal.ZERO);
        if (s.exemption() != null) {
            figure(TAX_EXEMPT, s.exemption().reason(), 1, s.exemption().net(), BigDecimal.ZERO);
        }
        for (Projected.ManualDiscount d : s.discounts()) {
            figure(DISCOUNT_REASON, d.reason(), 1, d.amount(), BigDecimal.ZERO);
            figure(DISCOUNT_CLERK, s.clerk(), 1, d.amount(), BigDecimal.ZERO);
        }
    }

    void voided(Projected.Void v) {
        voidCount++;
        voidAmount = voidAmount.add(v.total());
    }

    void returned(Projected.Return r) {
        returnsCount++;
        returns = returns.add(r.refundTotal());
        for (Projected.Tender t : r.refunds()) {
            figure(REFUND, t.type(), 1, t.amount(), BigDecimal.ZERO);
        }
    }

    /** Adds {@code o} times {@code sign} (1 or -1). */
    void add(DayDelta o, int sign) {
        BigDecimal s = BigDecimal.valueOf(sign);
        salesCount += sign * o.salesCount;
        grossSales = grossSales.add(o.grossSales.multiply(s));
        discounts = discounts.add(o.discounts.multiply(s));
        salesTotal = salesTotal.add(o.salesTotal.multiply(s));
        taxTotal = taxTotal.add(o.taxTotal.multiply(s));
        cashRounding = cashRounding.add(o.cashRounding.multiply(s));
        voidCount += sign * o.voidCount;
        voidAmount = voidAmount.add(o.voidAmount.multiply(s));
        returnsCount += sign * o.returnsCount;
        returns = returns.add(o.returns.multiply(s));
        o.figures.forEach((k, f) -> figure(k.get(0), k.get(1), sign * f.rows, f.amount.multiply(s), f.tax.multiply(s)));
        subtracted |= sign < 0 || o.subtracted;
    }
}
