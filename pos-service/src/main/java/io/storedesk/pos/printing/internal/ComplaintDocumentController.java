package io.storedesk.pos.printing.internal;

import java.util.List;

import io.storedesk.pos.printing.documents.Printed;
import io.storedesk.pos.printing.documents.PrintingProperties;
import io.storedesk.pos.printing.documents.ReceiptPrinters;
import io.storedesk.receipt.PaperWidth;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
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
 * The written confirmations of a complaint (RECEIVED and SETTLED): as A4 PDF or ESC/POS, printed on a
 * register's receipt printer, and the e-mails sent ({@link ComplaintMail}).
 */
@RestController
class ComplaintDocumentController {

    private static final MediaType ESC_POS = MediaType.parseMediaType("application/vnd.escpos");
    private static final String KINDS = "RECEIVED|SETTLED";
    private static final String KIND_MESSAGE = "must be RECEIVED or SETTLED";

    private final ComplaintConfirmations confirmations;
    private final ReceiptPrinters printers;
    private final ReceiptMailer mailer;
    private final PrintingProperties printing;
    private final LetterPdf pdf = new LetterPdf();
    private final LetterEscPos escPos = new LetterEscPos();

    ComplaintDocumentController(ComplaintConfirmations confirmations, ReceiptPrinters printers, ReceiptMailer mailer,
            PrintingProperties printing) {
        this.confirmations = confirmations;
        this.printers = printers;
        this.mailer = mailer;
        this.printing = printing;
    }

    @GetMapping("/api/v1/complaints/{complaintNumber}/confirmation")
    ResponseEntity<byte[]> confirmation(@PathVariable @Size(max = 40) String complaintNumber,
            @RequestParam(defaultValue = "RECEIVED") @Pattern(regexp = KINDS, message = KIND_MESSAGE) String document,
            @RequestParam(defaultValue = "pdf") @Pattern(regexp = "pdf|escpos", message = "must be pdf or escpos")
            String format, @RequestParam(required = false) PaperWidth paper) {
        ComplaintConfirmations.Kind kind = ComplaintConfirmations.Kind.valueOf(document);
        Letter letter = confirmations.of(complaintNumber, kind);
        String name = complaintNumber + "-" + kind.name().toLowerCase();
        boolean isPdf = format.equals("pdf");
        return ResponseEntity.ok()
                .contentType(isPdf ? MediaType.APPLICATION_PDF : ESC_POS)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename(name + (isPdf ? ".pdf" : ".bin")).build().toString())
                .body(isPdf ? pdf.render(letter) : escPos.render(letter, paper != null ? paper : printing.paper()));
    }

    /** Prints a confirmation on the register's receipt printer. */
    @PostMapping("/api/v1/complaints/{complaintNumber}/print")
    Printed print(@PathVariable @Size(max = 40) String complaintNumber,
            @Valid @RequestBody PrintRequest request) {
        ComplaintConfirmations.Kind kind = request.document() == null ? ComplaintConfirmations.Kind.RECEIVED
                : ComplaintConfirmations.Kind.valueOf(request.document());
        byte[] bytes = escPos.render(confirmations.of(complaintNumber, kind), printing.paper());
        return new Printed(complaintNumber, printers.send(request.registerId(), bytes), bytes.length);
    }

    /** The confirmations e-mailed for a complaint, with their status (PENDING, SENT, FAILED). */
    @GetMapping("/api/v1/complaints/{complaintNumber}/emails")
    List<ReceiptMailer.Email> emails(@PathVariable @Size(max = 40) String complaintNumber) {
        confirmations.of(complaintNumber, ComplaintConfirmations.Kind.RECEIVED);
        return mailer.of(complaintNumber);
    }

    record PrintRequest(@NotBlank @Size(max = 20) String registerId,
            @Pattern(regexp = KINDS, message = KIND_MESSAGE) String document) {
    }
}
