package io.storedesk.pos.printing.internal;

import java.util.List;
import java.util.Optional;

import io.storedesk.pos.common.ProblemException;
import io.storedesk.pos.identity.CurrentUser;
import io.storedesk.pos.printing.documents.PrintingProperties;
import io.storedesk.pos.printing.documents.ReceiptPrinters;
import io.storedesk.pos.printing.documents.ReceiptRenderers;
import io.storedesk.pos.sale.SaleReceipts;
import io.storedesk.pos.sale.SaleView;
import io.storedesk.pos.sale.Sales;
import io.storedesk.pos.sale.TrainingTill;
import io.storedesk.receipt.PaperWidth;
import io.storedesk.receipt.Receipt;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A sale's receipt as a document: PDF for screens, e-mail and A4/roll printers, or the ESC/POS
 * bytes a thermal printer takes. {@code copy=true} marks a reprint, {@code gift=true} leaves out
 * prices and tenders.
 */
@RestController
class ReceiptController {

    private static final MediaType ESC_POS = MediaType.parseMediaType("application/vnd.escpos");

    private final Sales sales;
    private final SaleReceipts receipts;
    private final PrintingProperties printing;
    private final ReceiptRenderers renderers;
    private final ReceiptPrinters printers;
    private final ReceiptMailer mailer;

    private final ObjectProvider<TrainingTill> training;

    ReceiptController(Sales sales, SaleReceipts receipts, PrintingProperties printing, ReceiptRenderers renderers,
            ReceiptPrinters printers, ReceiptMailer mailer,
            ObjectProvider<TrainingTill> training) {
        this.training = training;
        this.sales = sales;
        this.receipts = receipts;
        this.printing = printing;
        this.renderers = renderers;
        this.printers = printers;
        this.mailer = mailer;
    }

    @GetMapping("/api/v1/sales/{receiptNumber}/receipt")
    ResponseEntity<byte[]> receipt(@PathVariable @Size(max = 40) String receiptNumber,
            @RequestParam(defaultValue = "pdf") @Pattern(regexp = "pdf|escpos", message = "must be pdf or escpos") String format,
            @RequestParam(defaultValue = "false") boolean copy,
            @RequestParam(defaultValue = "false") boolean gift,
            @RequestParam(required = false) PaperWidth paper) {
        Receipt receipt = receipts.of(find(receiptNumber), copy, gift);
        PaperWidth width = paper != null ? paper : printing.paper();
        boolean isPdf = format.equals("pdf");
        byte[] body = isPdf ? renderers.pdf(width).render(receipt) : renderers.escPos(width).render(receipt);
        String name = receiptNumber + (gift ? "-gift" : "") + (copy ? "-copy" : "") + (isPdf ? ".pdf" : ".bin");
        return ResponseEntity.ok()
                .contentType(isPdf ? MediaType.APPLICATION_PDF : ESC_POS)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(name).build().toString())
                .body(body);
    }

    /** Prints the receipt on the sale's register printer; an offline printer is a 503 with a sentence. */
    @PostMapping("/api/v1/sales/{receiptNumber}/print")
    PrintResult print(@PathVariable @Size(max = 40) String receiptNumber, @Valid @RequestBody(required = false) PrintRequest request) {
        SaleView sale = find(receiptNumber);
        boolean copy = request != null && Boolean.TRUE.equals(request.copy());
        boolean gift = request != null && Boolean.TRUE.equals(request.gift());
        byte[] bytes = renderers.escPos(printing.paper()).render(receipts.of(sale, copy, gift));
        return new PrintResult(receiptNumber, printers.send(sale.registerId(), bytes), bytes.length);
    }

    /** Queues the receipt PDF for e-mail; answered at once, sent and retried in the background. */
    @PostMapping("/api/v1/sales/{receiptNumber}/email")
    ResponseEntity<ReceiptMailer.Email> email(@PathVariable @Size(max = 40) String receiptNumber,
            @Valid @RequestBody EmailRequest request) {
        if (receiptNumber.startsWith(TrainingTill.PREFIX)) { // ADR 0005: it would reach a real customer's mailbox
            throw ProblemException.rule("training-not-available", "Not available in training",
                    "An e-mail would reach a real customer's mailbox; training receipts are printed or shown as PDF only.")
                    .with("refused", "receipt-email");
        }
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .body(mailer.queue(receiptNumber, request.to(), CurrentUser.username()));
    }

    /** Every e-mail of the sale's receipt, with status (PENDING, SENT, FAILED), attempts and last error. */
    @GetMapping("/api/v1/sales/{receiptNumber}/emails")
    List<ReceiptMailer.Email> emails(@PathVariable @Size(max = 40) String receiptNumber) {
        return mailer.of(receiptNumber);
    }

    /** A real sale, or a training one ({@code TRN-...}, ADR 0005) from the training till. */
    private SaleView find(String receiptNumber) {
        var till = training.getIfAvailable();
        Optional<SaleView> found = receiptNumber.startsWith(TrainingTill.PREFIX)
                ? (till == null ? Optional.empty() : till.find(receiptNumber))
                : sales.find(receiptNumber);
        return found.orElseThrow(() -> ProblemException.notFound("Sale", receiptNumber));
    }

    record PrintRequest(Boolean copy, Boolean gift) {
    }

    record PrintResult(String receiptNumber, String printer, int bytes) {
    }

    record EmailRequest(@NotBlank @Email @Size(max = 254) String to) {
    }
}
