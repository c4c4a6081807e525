package io.storedesk.pos.sale.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.storedesk.pos.report.spi.ReportSection;
import io.storedesk.pos.sale.ManualDiscountTotals;
import io.storedesk.pos.sale.SaleActivity;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The "manualDiscounts" section of the store report: price overrides and manual discounts by reason
 * and by clerk, each clerk's with the share of their sales it gave away ({@code discountRate}, as the
 * report's {@code returnsByClerk} shows the refund rate).
 */
@Component
@Order(5)
class ManualDiscountReportSection implements ReportSection {

    private final ManualDiscountFigures figures;
    private final SaleActivity activity;

    ManualDiscountReportSection(ManualDiscountFigures figures, SaleActivity activity) {
        this.figures = figures;
        this.activity = activity;
    }

    @Override
    public String name() {
        return "manualDiscounts";
    }

    @Override
    public String title(Words words) {
        return words.text("manualDiscounts.title");
    }

    @Override
    public Content contribute(LocalDate from, LocalDate to, Words words) {
        ManualDiscountTotals totals = figures.of(from, to);
        Map<String, SaleActivity.ClerkSales> sales = activity.salesByClerk(from, to);
        List<Row> rows = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        Map<String, Object> byReason = new LinkedHashMap<>();
        totals.byReason().forEach((reason, f) -> {
            String amount = f.amount().toString();
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("count", f.count());
            one.put("amount", amount);
            byReason.put(reason, one);
            rows.addAll(Row.of(reason, one));
            lines.add(words.text("manualDiscounts.reason", words.term("discount.reason", reason), f.count(),
                    words.money(amount)));
        });
        Map<String, Object> byClerk = new LinkedHashMap<>();
        totals.byClerk().forEach((clerk, f) -> {
            SaleActivity.ClerkSales s = sales.get(clerk);
            BigDecimal sold = s == null ? BigDecimal.ZERO : s.total().amount();
            BigDecimal given = f.amount().amount();
            String rate = sold.signum() == 0 ? null
                    : given.divide(sold.add(given), 4, RoundingMode.HALF_UP).toPlainString();
            String amount = f.amount().toString();
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("count", f.count());
            one.put("amount", amount);
            one.put("discountRate", rate);
            byClerk.put(clerk, one);
            rows.addAll(Row.of("clerk:" + clerk, one));
            lines.add(words.text("manualDiscounts.clerk", words.user(clerk), f.count(), words.money(amount),
                    words.percent(rate)));
        });
        String total = totals.amount().toString();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("count", totals.count());
        data.put("amount", total);
        data.put("byReason", byReason);
        data.put("byClerk", byClerk);
        rows.add(new Row("", "count", Long.toString(totals.count())));
        rows.add(new Row("", "amount", total));
        lines.add(words.text("manualDiscounts.total", totals.count(), words.money(total)));
        return new Content(data, rows, lines);
    }
}
