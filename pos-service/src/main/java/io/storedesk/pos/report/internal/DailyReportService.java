package io.storedesk.pos.report.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.storedesk.pos.common.Money;
import io.storedesk.pos.common.StoreProperties;
import io.storedesk.pos.drawer.DrawerActivity;
import io.storedesk.pos.report.DailyReport;
import io.storedesk.pos.report.StoreReports;
import io.storedesk.pos.report.spi.ReportSection;
import io.storedesk.pos.returns.ReturnActivity;
import io.storedesk.pos.sale.SaleActivity;
import io.storedesk.pos.sale.Sales;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Builds daily and range reports from the modules' read APIs: the sale day totalizers (the same
 * rows the Z report sums), returns, post-voids, drawer sessions and no-sale opens, plus the
 * sections other modules contribute. A range is its days' totals summed, so a day in a range
 * report counts exactly as in that day's report. The modules give money; sums are BigDecimal
 * and every amount is written as a string once, when the report is built.
 */
@Service
class DailyReportService implements StoreReports {

    private final Sales sales;
    private final SaleActivity saleActivity;
    private final ReturnActivity returns;
    private final DrawerActivity drawers;
    private final ObjectProvider<ReportSection> sections;
    private final StoreProperties store;
    private final ZReportService zReports;
    private final ClerkDays clerkDays;
    private final ReportText words;

    DailyReportService(Sales sales, SaleActivity saleActivity, ReturnActivity returns, DrawerActivity drawers,
            ObjectProvider<ReportSection> sections, StoreProperties store, ZReportService zReports,
            ClerkDays clerkDays, ReportText words) {
        this.words = words;
        this.zReports = zReports;
        this.clerkDays = clerkDays;
        this.sales = sales;
        this.saleActivity = saleActivity;
        this.returns = returns;
        this.drawers = drawers;
        this.sections = sections;
        this.store = store;
    }

    @Override
    @Transactional(readOnly = true)
    public DailyReport daily(LocalDate date) {
        return compose(date, date).report();
    }

    @Override
    @Transactional(readOnly = true)
    public DailyReport range(LocalDate from, LocalDate to) {
        return compose(from, to).report();
    }

    /** The report with the contributed sections in all their forms (for CSV and PDF). */
    record Composed(DailyReport report, List<Section> sections) {
    }

    record Section(String name, String title, ReportSection.Content content) {
    }

    /** One day when {@code from} equals {@code to} ({@code date} set), else the range. */
    @Transactional(readOnly = true)
    public Composed compose(LocalDate from, LocalDate to) {
        LocalDate date = from.equals(to) ? from : null;
        Sums sums = new Sums(store.currency().getDefaultFractionDigits());
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            sums.add(sales.dayTotals(d));
        }
        ReturnActivity.ReturnSummary returned = returns.summary(from, to);
        Map<String, String> refundsByTender = new TreeMap<>();
        returned.byRefundTender().forEach((tender, amount) -> refundsByTender.put(tender, amount.toString()));
        Map<String, DailyReport.ReasonFigures> byReason = new TreeMap<>();
        returned.byReason().forEach((reason, f) -> byReason.put(reason,
                new DailyReport.ReasonFigures(f.lines(), f.quantity(), f.amount().toString())));

        Map<String, SaleActivity.ClerkSales> clerkSales = clerkDays.salesByClerk(from, to);
        Map<String, DailyReport.ClerkReturns> byClerk = new TreeMap<>();
        java.util.Set<String> clerks = new java.util.TreeSet<>(clerkSales.keySet());
        clerks.addAll(returned.byClerk().keySet());
        for (String clerk : clerks) {
            ReturnActivity.ClerkFigures r = returned.byClerk().getOrDefault(clerk,
                    new ReturnActivity.ClerkFigures(0, Money.zero(store.currency())));
            SaleActivity.ClerkSales s = clerkSales.getOrDefault(clerk,
                    new SaleActivity.ClerkSales(0, Money.zero(store.currency())));
            BigDecimal sold = s.total().amount();
            String rate = sold.signum() == 0 ? null
                    : r.amount().amount().divide(sold, 4, RoundingMode.HALF_UP).toPlainString();
            byClerk.put(clerk, new DailyReport.ClerkReturns(r.count(), r.amount().toString(), s.count(),
                    s.total().toString(), rate));
        }

        List<SaleActivity.VoidedSale> voided = saleActivity.voids(from, to);
        Map<String, BigDecimal[]> voidsByUser = new TreeMap<>();
        BigDecimal voidTotal = BigDecimal.ZERO;
        for (SaleActivity.VoidedSale v : voided) {
            BigDecimal[] f = voidsByUser.computeIfAbsent(v.voidedBy(), k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
            f[0] = f[0].add(BigDecimal.ONE);
            f[1] = f[1].add(v.total().amount());
            voidTotal = voidTotal.add(v.total().amount());
        }
        Map<String, DailyReport.VoidFigures> voidsByClerk = new TreeMap<>();
        voidsByUser.forEach((u, f) -> voidsByClerk.put(u, new DailyReport.VoidFigures(f[0].longValue(), sums.str(f[1]))));

        Map<String, Long> noSales = new TreeMap<>();
        drawers.noSales(from, to).forEach(n -> noSales.merge(n.user(), 1L, Long::sum));

        Map<String, BigDecimal> movements = new TreeMap<>();
        for (String type : List.of("PAID_IN", "PAID_OUT", "SAFE_DROP", "PICKUP")) {
            movements.put(type, BigDecimal.ZERO);
        }
        Map<String, BigDecimal> variances = new TreeMap<>();
        long open = 0;
        for (DrawerActivity.SessionSummary s : drawers.sessions(from, to)) {
            s.movements().forEach((type, amount) -> movements.merge(type, amount.amount(), BigDecimal::add));
            if (s.variance() != null) {
                variances.merge(s.openedBy(), s.variance().amount(), BigDecimal::add);
            } else {
                open++;
            }
        }

        List<Section> parts = sections.orderedStream()
                .map(s -> new Section(s.name(), s.title(words), s.contribute(from, to, words))).toList();
        Map<String, Map<String, Object>> contributed = new LinkedHashMap<>();
        parts.forEach(p -> contributed.put(p.name(), p.content().data()));

        BigDecimal salesTotal = sums.day[2];
        return new Composed(new DailyReport(store.id(), store.name(), date, from, to, store.currency().getCurrencyCode(), sums.count,
                sums.str(sums.day[0]), sums.str(sums.day[1]), sums.str(salesTotal), returned.refunded().toString(),
                returned.count(), sums.str(salesTotal.subtract(returned.refunded().amount())), sums.str(sums.tax),
                sums.str(sums.rounding), sums.taxByRate(), Sums.strings(sums.tenders, sums), Sums.strings(sums.departments, sums),
                Sums.strings(sums.hours, sums), refundsByTender, byReason, returned.cashRounding().toString(), byClerk,
                new DailyReport.VoidFigures(voided.size(), sums.str(voidTotal)), voidsByClerk, noSales,
                Sums.strings(movements, sums), Sums.strings(variances, sums), open,
                date == null ? null : zReports.find(date).map(z -> z.zNumber()).orElse(null), contributed,
                sums.giftCardsSold()), parts);
    }
}
