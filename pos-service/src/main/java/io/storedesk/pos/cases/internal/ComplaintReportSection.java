package io.storedesk.pos.cases.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.storedesk.pos.cases.ComplaintProperties;
import io.storedesk.pos.common.StoreProperties;
import io.storedesk.pos.report.spi.ReportSection;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The "complaints" section of the store report: complaints settled in the period (store days), how many
 * after their legal deadline and the average settlement time; now: open, due today, overdue and
 * escalated, and the open ones in order of legal deadline (at most 50).
 */
@Component
@Order(35)
class ComplaintReportSection implements ReportSection {

    private static final int LISTED = 50;

    private final ComplaintFigures figures;
    private final ComplaintStore complaints;
    private final ComplaintProperties properties;
    private final StoreProperties store;
    private final Clock clock;

    ComplaintReportSection(ComplaintFigures figures, ComplaintStore complaints, ComplaintProperties properties,
            StoreProperties store, Clock clock) {
        this.figures = figures;
        this.complaints = complaints;
        this.properties = properties;
        this.store = store;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "complaints";
    }

    @Override
    public String title(Words words) {
        return words.text("complaints.title");
    }

    @Override
    public Content contribute(LocalDate from, LocalDate to, Words words) {
        ComplaintFigures.Figures f = figures.of(from, to);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("settled", f.settled());
        data.put("settledLate", f.settledLate());
        data.put("averageSettlementTime", f.settlementTime().average());
        data.put("open", f.open());
        data.put("dueToday", f.dueToday());
        data.put("overdue", f.overdue());
        data.put("escalated", f.escalated());
        LocalDate today = store.today(clock);
        List<Map<String, Object>> byDeadline = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        String average = f.settlementTime().average();
        lines.add(words.text("complaints.settled", f.settled(), f.settledLate(),
                words.duration(average == null ? null : Duration.parse(average))));
        lines.add(words.text("complaints.open", f.open(), f.dueToday(), f.overdue(), f.escalated()));
        for (ComplaintStore.Row row : complaints.list("OPEN", null, null, LISTED)) {
            ComplaintView v = row.view(today, properties.escalateDaysBefore(), store.zone());
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("complaintNumber", v.complaintNumber());
            item.put("dueDate", v.dueDate().toString());
            item.put("daysLeft", v.daysLeft());
            item.put("clock", v.clock());
            byDeadline.add(item);
            lines.add(words.text("complaints.due", v.complaintNumber(), words.date(v.dueDate()),
                    words.term("clock", v.clock())));
        }
        data.put("openByDeadline", byDeadline);
        List<Row> rows = new ArrayList<>();
        data.forEach((k, v) -> {
            if (!(v instanceof List)) {
                rows.add(new Row("complaints", k, v == null ? "" : v.toString()));
            }
        });
        byDeadline.forEach(i -> rows.add(new Row("openByDeadline", (String) i.get("complaintNumber"),
                i.get("dueDate") + " " + i.get("clock"))));
        return new Content(data, rows, lines);
    }
}
