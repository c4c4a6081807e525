package io.storedesk.pos.printing.internal;

import java.util.Optional;
import java.util.UUID;

import io.storedesk.pos.common.ProblemException;
import io.storedesk.pos.drawer.CashDrawers;
import io.storedesk.pos.drawer.DrawerReports;
import io.storedesk.pos.identity.CurrentUser;
import io.storedesk.pos.printing.PrintingProperties;
import io.storedesk.pos.report.ZReports;
import io.storedesk.pos.returns.ReturnView;
import io.storedesk.pos.returns.Returns;
import io.storedesk.pos.sale.SaleView;
import io.storedesk.pos.sale.Sales;
import io.storedesk.pos.sale.TrainingTill;
import org.springframework.beans.factory.ObjectProvider;
import io.storedesk.receipt.PaperWidth;
import io.storedesk.receipt.Receipt;
import io.storedesk.receipt.pdf.PdfInvoiceRenderer;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The other printed documents: return receipts, A4 invoices of sales for business customers, and
 * the drawer close, X report and Z report prints, each as PDF or ESC/POS and, for the register
 * documents, printed on the register's printer.
 */
@RestController
class DocumentController {

    private static final MediaType ESC_POS = MediaType.parseMediaType("application/vnd.escpos");
    private static final String FORMATS = "pdf|escpos";
    private static final String FORMAT_MESSAGE = "must be pdf or escpos";

    private final Sales sales;
    private final Returns returns;
    private final CashDrawers drawers;
    private final DrawerReports drawerReports;
    private final ZReports zReports;
    private final ReturnReceipts returnReceipts;
    private final ReportDocuments reports;
    private final SaleInvoices invoices;
    private final ReceiptRenderers renderers;
    private final ReceiptPrinters printers;
    private final PrintingProperties printing;
    private final ObjectProvider<TrainingTill> training;
    private final PdfInvoiceRenderer invoiceRenderer = new PdfInvoiceRenderer();

    DocumentController(Sales sales, Returns returns, CashDrawers drawers, DrawerReports drawerReports, ZReports zReports,
            ReturnReceipts returnReceipts, ReportDocuments reports, SaleInvoices invoices, ReceiptRenderers renderers,
            ReceiptPrinters printers, PrintingProperties printing, ObjectProvider<TrainingTill> training) {
        this.training = training;
        this.sales = sales;
        this.returns = returns;
        this.drawers = drawers;
        this.drawerReports = drawerReports;
        this.zReports = zReports;
        this.returnReceipts = returnReceipts;
        this.reports = reports;
        this.invoices = invoices;
        this.renderers = renderers;
        this.printers = printers;
        this.printing = printing;
    }

    // ---- returns

    @GetMapping("/api/v1/returns/{returnNumber}/receipt")
    ResponseEntity<byte[]> returnReceipt(@PathVariable @Size(max = 40) String returnNumber,
            @RequestParam(defaultValue = "pdf") @Pattern(regexp = FORMATS, message = FORMAT_MESSAGE) String format,
            @RequestParam(defaultValue = "false") boolean copy, @RequestParam(required = false) PaperWidth paper) {
        return document(returnReceipt(returnNumber, copy), format, paper, returnNumber + (copy ? "-copy" : ""));
    }

    /** Prints the return receipt on the printer of the register that took the return. */
    @PostMapping("/api/v1/returns/{returnNumber}/print")
    Printed printReturn(@PathVariable @Size(max = 40) String returnNumber,
            @Valid @RequestBody(required = false) CopyRequest request) {
        ReturnView ret = findReturn(returnNumber);
        boolean copy = request != null && Boolean.TRUE.equals(request.copy());
        byte[] bytes = renderers.escPos(printing.paper()).render(returnReceipts.of(ret, saleOf(ret), copy));
        return new Printed(returnNumber, printers.send(ret.registerId(), bytes), bytes.length);
    }

    private Receipt returnReceipt(String returnNumber, boolean copy) {
        ReturnView ret = findReturn(returnNumber);
        return returnReceipts.of(ret, saleOf(ret), copy);
    }

    /** A real return, or a training one ({@code TRN-...}, ADR 0005) from the training till. */
    private ReturnView findReturn(String returnNumber) {
        Optional<ReturnView> found;
        if (returnNumber.startsWith(TrainingTill.PREFIX)) {
            var till = training.getIfAvailable();
            found = till == null ? Optional.empty() : till.findReturn(returnNumber).map(ReturnView::ofTraining);
        } else {
            found = returns.find(returnNumber);
        }
        return found.orElseThrow(() -> ProblemException.notFound("Return", returnNumber));
    }

    /** The original sale (a training one for a training return), or {@code null} for a return without a receipt. */
    private SaleView saleOf(ReturnView ret) {
        if (ret.receiptNumber() == null) {
            return null;
        }
        if (ret.receiptNumber().startsWith(TrainingTill.PREFIX)) {
            var till = training.getIfAvailable();
            return till == null ? null : till.find(ret.receiptNumber()).orElse(null);
        }
        return sales.find(ret.receiptNumber()).orElse(null);
    }

    // ---- invoices

    /**
     * Issues the sale's A4 invoice to a business customer (the first time; stored and journaled) and
     * answers the PDF; asking again for the same buyer answers the same invoice marked as a copy.
     */
    @PostMapping("/api/v1/sales/{receiptNumber}/invoice")
    ResponseEntity<byte[]> invoice(@PathVariable String receiptNumber, // no constraint here: field errors name the field
            @Valid @RequestBody InvoiceRequest request) {
        SaleView sale = sales.find(receiptNumber).orElseThrow(() -> ProblemException.notFound("Sale", receiptNumber));
        SaleInvoices.Invoice invoice = invoices.issue(sale, request.companyName().strip(),
                request.vatId().strip().toUpperCase(java.util.Locale.ROOT),
                request.address() == null ? null : request.address().strip(), CurrentUser.username());
        return pdf(invoiceRenderer.render(invoice.document()), "invoice-" + receiptNumber + (invoice.copy() ? "-copy" : ""));
    }

    /** The sale's issued invoice again, marked as a copy; 404 when none was issued. */
    @GetMapping("/api/v1/sales/{receiptNumber}/invoice")
    ResponseEntity<byte[]> invoiceCopy(@PathVariable @Size(max = 40) String receiptNumber) {
        SaleView sale = sales.find(receiptNumber).orElseThrow(() -> ProblemException.notFound("Sale", receiptNumber));
        return pdf(invoiceRenderer.render(invoices.reprint(sale)), "invoice-" + receiptNumber + "-copy");
    }

    // ---- drawer close, X and Z reports

    /** The X report as a document (managers); without {@code format} the same path answers JSON. */
    @GetMapping(path = "/api/v1/drawers/{drawerId}/x-report", params = "format")
    ResponseEntity<byte[]> xReport(@PathVariable @Size(max = 20) String drawerId,
            @RequestParam @Pattern(regexp = FORMATS, message = FORMAT_MESSAGE) String format,
            @RequestParam(required = false) PaperWidth paper) {
        drawers.drawer(drawerId);
        return document(reports.x(drawerReports.xReport(drawerId)), format, paper, "x-report-" + drawerId);
    }

    /** Prints the X report on the drawer's register printer (managers). */
    @PostMapping("/api/v1/drawers/{drawerId}/x-report/print")
    Printed printXReport(@PathVariable @Size(max = 20) String drawerId) {
        String register = drawers.drawer(drawerId).registerId();
        byte[] bytes = renderers.escPos(printing.paper()).render(reports.x(drawerReports.xReport(drawerId)));
        return new Printed("X-" + drawerId, printers.send(register, bytes), bytes.length);
    }

    /** The drawer close as a document: the given session, or the drawer's last close. */
    @GetMapping("/api/v1/drawers/{drawerId}/close-report")
    ResponseEntity<byte[]> closeReport(@PathVariable @Size(max = 20) String drawerId,
            @RequestParam(defaultValue = "pdf") @Pattern(regexp = FORMATS, message = FORMAT_MESSAGE) String format,
            @RequestParam(required = false) UUID session, @RequestParam(defaultValue = "false") boolean copy,
            @RequestParam(required = false) PaperWidth paper) {
        DrawerReports.DrawerClose close = close(drawerId, session);
        return document(reports.close(close, copy), format, paper, "close-" + drawerId + "-" + close.sessionId());
    }

    /** Prints the drawer close on the drawer's register printer. */
    @PostMapping("/api/v1/drawers/{drawerId}/close-report/print")
    Printed printCloseReport(@PathVariable @Size(max = 20) String drawerId,
            @Valid @RequestBody(required = false) ClosePrintRequest request) {
        DrawerReports.DrawerClose close = close(drawerId, request == null ? null : request.session());
        boolean copy = request != null && Boolean.TRUE.equals(request.copy());
        byte[] bytes = renderers.escPos(printing.paper()).render(reports.close(close, copy));
        return new Printed("CLOSE-" + close.sessionId(), printers.send(close.registerId(), bytes),
                bytes.length);
    }

    private DrawerReports.DrawerClose close(String drawerId, UUID session) {
        drawers.drawer(drawerId);
        return (session == null ? drawerReports.lastClose(drawerId) : drawerReports.close(drawerId, session))
                .orElseThrow(() -> ProblemException.notFound("Drawer close", session == null ? drawerId
                        : drawerId + "/" + session));
    }

    /** The stored Z report as a document, figures exactly as taken at the close. */
    @GetMapping("/api/v1/reports/z/{zNumber}/document")
    ResponseEntity<byte[]> zReport(@PathVariable @Positive long zNumber,
            @RequestParam(defaultValue = "pdf") @Pattern(regexp = FORMATS, message = FORMAT_MESSAGE) String format,
            @RequestParam(defaultValue = "false") boolean copy, @RequestParam(required = false) PaperWidth paper) {
        var z = zReports.find(zNumber).orElseThrow(() -> ProblemException.notFound("Z report", Long.toString(zNumber)));
        return document(reports.z(z, copy), format, paper, "z-" + zNumber + (copy ? "-copy" : ""));
    }

    /** Prints the stored Z report on a register's printer (managers). */
    @PostMapping("/api/v1/reports/z/{zNumber}/print")
    Printed printZReport(@PathVariable @Positive long zNumber,
            @Valid @RequestBody ZPrintRequest request) {
        var z = zReports.find(zNumber).orElseThrow(() -> ProblemException.notFound("Z report", Long.toString(zNumber)));
        byte[] bytes = renderers.escPos(printing.paper()).render(reports.z(z, Boolean.TRUE.equals(request.copy())));
        return new Printed("Z" + zNumber, printers.send(request.registerId(), bytes), bytes.length);
    }

    // ---- rendering

    private ResponseEntity<byte[]> document(Receipt receipt, String format, PaperWidth paper, String name) {
        PaperWidth width = paper != null ? paper : printing.paper();
        if (format.equals("pdf")) {
            return pdf(renderers.pdf(width).render(receipt), name);
        }
        return ResponseEntity.ok()
                .contentType(ESC_POS)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(name + ".bin").build()
                        .toString())
                .body(renderers.escPos(width).render(receipt));
    }

    private static ResponseEntity<byte[]> pdf(byte[] body, String name) {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(name + ".pdf").build()
                        .toString())
                .body(body);
    }

    /** What was printed (receipt, return or report number), on which printer, how many bytes. */
    record Printed(String document, String printer, int bytes) {
    }

    record CopyRequest(Boolean copy) {
    }

    record ClosePrintRequest(UUID session, Boolean copy) {
    }

    record ZPrintRequest(@NotBlank @Size(max = 20) String registerId, Boolean copy) {
    }

    /**
     * @param companyName the buyer's registered name
     * @param vatId       the buyer's VAT identification number: country prefix and 2-13 letters or digits
     * @param address     the buyer's address; commas or new lines separate printed lines
     */
    record InvoiceRequest(@NotBlank @Size(max = 200) String companyName,
            @NotBlank @Pattern(regexp = "\\s*[A-Za-z]{2}[A-Za-z0-9+*]{2,13}\\s*",
                    message = "must be a VAT id like LV40003000001") String vatId,
            @Size(max = 400) String address) {
    }
}
