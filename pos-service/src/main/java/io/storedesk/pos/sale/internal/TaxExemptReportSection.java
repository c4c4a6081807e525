package io.storedesk.pos.sale.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.storedesk.pos.report.spi.ReportSection;
import io.storedesk.pos.sale.TaxExemptTotals;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** The "taxExempt" section of the store (daily) report: tax-exempt sales apart, net by reason. */
@Component
@Order(6)
class TaxExemptReportSection implements ReportSection {

    private final TaxExemptFigures figures;

    TaxExemptReportSection(TaxExemptFigures figures) {
        this.figures = figures;
    }

    @Override
    public String name() {
        return "taxExempt";
    }

    @Override
    public String title(Words words) {
        return words.text("taxExempt.title");
    }

    @Override
    public Content contribute(LocalDate from, LocalDate to, Words words) {
        TaxExemptTotals totals = figures.of(from, to);
        List<Row> rows = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        Map<String, Object> byReason = new LinkedHashMap<>();
        totals.byReason().forEach((reason, f) -> {
            String net = f.net().toString();
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("count", f.count());
            one.put("net", net);
            byReason.put(reason, one);
            rows.addAll(Row.of(reason, one));
            lines.add(words.text("taxExempt.reason", words.term("exempt.reason", reason), f.count(), words.money(net)));
        });
        String total = totals.net().toString();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("count", totals.count());
        data.put("net", total);
        data.put("byReason", byReason);
        rows.add(new Row("", "count", Long.toString(totals.count())));
        rows.add(new Row("", "net", total));
        lines.add(words.text("taxExempt.total", totals.count(), words.money(total)));
        return new Content(data, rows, lines);
    }
}
