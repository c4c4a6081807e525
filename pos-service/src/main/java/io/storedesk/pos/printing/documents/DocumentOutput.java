package io.storedesk.pos.printing.documents;

import io.storedesk.receipt.PaperWidth;
import io.storedesk.receipt.Receipt;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * A document the way a controller answers it: a receipt-model document as PDF (roll) or ESC/POS
 * bytes ({@code inline} with a file name), an A4 PDF, or printed on a register's printer.
 */
@Component
public class DocumentOutput {

    /** The media type of ESC/POS bytes. */
    public static final MediaType ESC_POS = MediaType.parseMediaType("application/vnd.escpos");
    /** The formats a document route takes in its {@code format} parameter. */
    public static final String FORMATS = "pdf|escpos";
    /** The validation message of a wrong {@code format}. */
    public static final String FORMAT_MESSAGE = "must be pdf or escpos";

    private final ReceiptRenderers renderers;
    private final ReceiptPrinters printers;
    private final PrintingProperties printing;

    DocumentOutput(ReceiptRenderers renderers, ReceiptPrinters printers, PrintingProperties printing) {
        this.renderers = renderers;
        this.printers = printers;
        this.printing = printing;
    }

    /** The document as {@code pdf} or {@code escpos} on the given paper (the configured one when {@code null}). */
    public ResponseEntity<byte[]> document(Receipt receipt, String format, PaperWidth paper, String name) {
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

    /** A rendered PDF, shown inline as {@code <name>.pdf}. */
    public ResponseEntity<byte[]> pdf(byte[] body, String name) {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(name + ".pdf").build()
                        .toString())
                .body(body);
    }

    /** Prints the document as ESC/POS on the register's printer, on the configured paper. */
    public Printed print(String document, String registerId, Receipt receipt) {
        byte[] bytes = renderers.escPos(printing.paper()).render(receipt);
        return new Printed(document, printers.send(registerId, bytes), bytes.length);
    }
}
