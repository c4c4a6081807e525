package io.storedesk.pos.report.internal;

import io.storedesk.pos.common.ProblemException;
import io.storedesk.pos.printing.documents.DocumentOutput;
import io.storedesk.pos.printing.documents.Printed;
import io.storedesk.pos.report.ZReport;
import io.storedesk.pos.report.ZReports;
import io.storedesk.receipt.PaperWidth;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The stored Z report as a document (PDF roll or ESC/POS) and printed on a register's printer; laid out
 * by {@link ZReportDocument}, put out by the printing library.
 */
@RestController
class ZReportDocumentController {

    private final ZReports zReports;
    private final ZReportDocument document;
    private final DocumentOutput output;

    ZReportDocumentController(ZReports zReports, ZReportDocument document, DocumentOutput output) {
        this.zReports = zReports;
        this.document = document;
        this.output = output;
    }

    /** The stored Z report as a document, figures exactly as taken at the close. */
    @GetMapping("/api/v1/reports/z/{zNumber}/document")
    ResponseEntity<byte[]> zReport(@PathVariable @Positive long zNumber,
            @RequestParam(defaultValue = "pdf") @Pattern(regexp = DocumentOutput.FORMATS,
                    message = DocumentOutput.FORMAT_MESSAGE) String format,
            @RequestParam(defaultValue = "false") boolean copy, @RequestParam(required = false) PaperWidth paper) {
        ZReport z = find(zNumber);
        return output.document(document.z(z, copy), format, paper, "z-" + zNumber + (copy ? "-copy" : ""));
    }

    /** Prints the stored Z report on a register's printer (managers). */
    @PostMapping("/api/v1/reports/z/{zNumber}/print")
    Printed printZReport(@PathVariable @Positive long zNumber, @Valid @RequestBody ZPrintRequest request) {
        ZReport z = find(zNumber);
        return output.print("Z" + zNumber, request.registerId(), document.z(z, Boolean.TRUE.equals(request.copy())));
    }

    private ZReport find(long zNumber) {
        return zReports.find(zNumber).orElseThrow(() -> ProblemException.notFound("Z report", Long.toString(zNumber)));
    }

    record ZPrintRequest(@NotBlank @Size(max = 20) String registerId, Boolean copy) {
    }
}
