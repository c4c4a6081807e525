package io.storedesk.pos.report.internal;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import io.storedesk.pos.common.ProblemException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/reports/daily?date=} (one business day) or {@code ?from=&to=} (a range of
 * at most {@value #MAX_DAYS} days, summed), as JSON, {@code format=csv} or {@code format=pdf}.
 */
@RestController
class DailyReportController {

    static final int MAX_DAYS = 366;
    private static final MediaType CSV = new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8);

    private final DailyReportService reports;
    private final ReportText text;

    DailyReportController(DailyReportService reports, ReportText text) {
        this.reports = reports;
        this.text = text;
    }

    @GetMapping("/api/v1/reports/daily")
    ResponseEntity<?> daily(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "json") String format) {
        if (date != null && (from != null || to != null) || date == null && (from == null || to == null)) {
            throw ProblemException.badRequest("invalid-report-period", "Invalid report period",
                    "Give either date=YYYY-MM-DD or both from=YYYY-MM-DD and to=YYYY-MM-DD.");
        }
        LocalDate first = date != null ? date : from;
        LocalDate last = date != null ? date : to;
        if (last.isBefore(first) || ChronoUnit.DAYS.between(first, last) >= MAX_DAYS) {
            throw ProblemException.badRequest("invalid-report-period", "Invalid report period",
                    "The range must run forwards and span at most %d days.".formatted(MAX_DAYS));
        }
        String name = "report-" + (date != null ? date.toString() : from + "_" + to);
        return switch (format) {
            case "json" -> ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                    .body(reports.compose(first, last).report());
            case "csv" -> ResponseEntity.ok().contentType(CSV).header(HttpHeaders.CONTENT_DISPOSITION,
                            ContentDisposition.attachment().filename(name + ".csv").build().toString())
                    .body(ReportCsv.write(reports.compose(first, last)));
            case "pdf" -> ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF).header(HttpHeaders.CONTENT_DISPOSITION,
                            ContentDisposition.inline().filename(name + ".pdf").build().toString())
                    .body(ReportPdf.write(reports.compose(first, last), text));
            default -> throw ProblemException.badRequest("invalid-report-format", "Invalid report format",
                    "format must be json, csv or pdf.");
        };
    }
}
