package io.storedesk.pos.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.storedesk.pos.common.StoreProperties;
import io.storedesk.pos.promotion.Promotions;
import io.storedesk.pos.report.DailyReport;
import io.storedesk.pos.report.StoreReports;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Head office: the report dashboard of a business day or a range of days, with bar charts drawn
 * here as inline SVG (no chart library), CSV/PDF links to the report API, and the promotions list.
 */
@Controller
class OfficePageController {

    /** The report API's longest range. */
    static final int MAX_DAYS = 366;

    private final StoreReports reports;
    private final Promotions promotions;
    private final StoreProperties store;

    OfficePageController(StoreReports reports, Promotions promotions, StoreProperties store) {
        this.reports = reports;
        this.promotions = promotions;
        this.store = store;
    }

    /** One bar of a chart: its label, amount ("12.30") and length in percent of the longest bar. */
    record Bar(String key, String amount, int percent) {
    }

    @GetMapping("/office")
    String dashboard(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, Model model) {
        PagePeriod picked = PagePeriod.of(from, to, store.zone(), model);
        LocalDate first = picked.first();
        LocalDate last = picked.last();
        if (last.isBefore(first) || ChronoUnit.DAYS.between(first, last) >= MAX_DAYS) {
            model.addAttribute("rangeError", true);
            return "office";
        }
        DailyReport r = first.equals(last) ? reports.daily(first) : reports.range(first, last);
        model.addAttribute("report", r);
        model.addAttribute("byHour", bars(r.byHour(), Function.identity()));
        model.addAttribute("tenders", bars(r.tenders(), Function.identity()));
        model.addAttribute("returnsByReason", bars(r.returnsByReason(), DailyReport.ReasonFigures::amount));
        String period = first.equals(last) ? "date=" + first : "from=" + first + "&to=" + last;
        model.addAttribute("csv", "/api/v1/reports/daily?" + period + "&format=csv");
        model.addAttribute("pdf", "/api/v1/reports/daily?" + period + "&format=pdf");
        return "office";
    }

    @GetMapping("/office/promotions")
    String promotions(Model model) {
        model.addAttribute("set", promotions.current());
        model.addAttribute("active", promotions.activeNow());
        return "promotions";
    }

    static <V> List<Bar> bars(Map<String, V> figures, Function<V, String> amount) {
        if (figures == null) {
            return List.of();
        }
        BigDecimal max = figures.values().stream().map(v -> new BigDecimal(amount.apply(v)).abs())
                .max(BigDecimal::compareTo).orElse(BigDecimal.ZERO);
        return figures.entrySet().stream().map(e -> {
            String a = amount.apply(e.getValue());
            int percent = max.signum() == 0 ? 0 : new BigDecimal(a).abs().multiply(BigDecimal.valueOf(100))
                    .divide(max, 0, java.math.RoundingMode.HALF_UP).intValue();
            return new Bar(e.getKey(), a, percent);
        }).toList();
    }
}
