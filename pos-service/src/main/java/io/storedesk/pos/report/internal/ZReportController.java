package io.storedesk.pos.report.internal;

import java.time.LocalDate;

import io.storedesk.pos.common.Durability;
import io.storedesk.pos.common.Idempotency;
import io.storedesk.pos.identity.CurrentUser;
import io.storedesk.pos.report.ZReport;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ZReportController {

    private final ZReportService zReports;
    private final Idempotency idempotency;
    private final Durability durability;

    ZReportController(ZReportService zReports, Idempotency idempotency, Durability durability) {
        this.durability = durability;
        this.zReports = zReports;
        this.idempotency = idempotency;
    }

    /** Closes the business day and takes its Z report (managers). */
    @PostMapping("/api/v1/business-days/{date}/close")
    ResponseEntity<ZReport> close(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        String user = CurrentUser.username();
        var result = idempotency.execute("business-day-close", key, new Object[] {date, user}, ZReport.class,
                () -> zReports.closeDay(date, user));
        durability.syncOnCommit();   // a Z report survives a power cut too
        return ResponseEntity.status(HttpStatus.CREATED).body(result.body());
    }

    /** The Z report of a closed business day, exactly as it was taken. */
    @GetMapping("/api/v1/reports/z")
    ZReport z(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        return zReports.find(date).orElseThrow(() -> ZReportService.notClosed(date));
    }
}
