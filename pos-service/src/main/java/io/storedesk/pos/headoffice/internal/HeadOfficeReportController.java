package io.storedesk.pos.headoffice.internal;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.storedesk.pos.common.ProblemException;
import org.springframework.context.annotation.Profile;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Head office's range report (the days summed), the completeness of each store's days, the
 * rebuild of a store's day totals from the received detail rows, and running the partition and
 * retention job now (docs/head-office.md).
 */
@RestController
@Profile("head-office")
class HeadOfficeReportController {

    private final ConsolidatedReports reports;
    private final DayTotals totals;
    private final HeadOfficePartitions partitions;

    HeadOfficeReportController(ConsolidatedReports reports, DayTotals totals, HeadOfficePartitions partitions) {
        this.reports = reports;
        this.totals = totals;
        this.partitions = partitions;
    }

    @GetMapping("/api/ho/v1/reports/range")
    Map<String, Object> range(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) String storeId) {
        return reports.range(from, to, store(storeId));
    }

    @GetMapping("/api/ho/v1/reports/completeness")
    Map<String, Object> completeness(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) String storeId) {
        List<Map<String, Object>> days = reports.completeness(from, to, store(storeId));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("from", from.toString());
        out.put("to", to.toString());
        out.put("storeId", store(storeId));
        out.put("days", days);
        return out;
    }

    /** Sums the store's day again from the detail rows; answers whether the totals had differed. */
    @PostMapping("/api/ho/v1/reports/daily/rebuild")
    Map<String, Object> rebuild(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @RequestParam String storeId) {
        String id = store(storeId);
        if (id == null) {
            throw ProblemException.invalidField("storeId", "is required");
        }
        LocalDate kept = partitions.detailCutoff();
        if (kept != null && date.isBefore(kept)) {
            throw ProblemException.rule("detail-dropped", "Detail no longer kept",
                    ("The received detail before %s was removed (pos.head-office.retention-months); "
                            + "the totals of %s stay as they are.").formatted(kept, date));
        }
        boolean changed = totals.rebuild(id, date);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("storeId", id);
        out.put("date", date.toString());
        out.put("changed", changed);
        return out;
    }

    /**
     * Runs the partition and retention job now (it also runs at start-up and on its schedule, once
     * per cluster); 409 when another node is running it.
     */
    @PostMapping("/api/ho/v1/reports/retention")
    Map<String, Object> retention() {
        Map<String, Object> done = partitions.runOnce();
        if (done == null) {
            throw ProblemException.conflict("job-running", "Job running",
                    "Another head-office node is maintaining the partitions right now; try again shortly.");
        }
        return done;
    }

    private static String store(String storeId) {
        return storeId == null || storeId.isBlank() ? null : storeId.strip();
    }
}
