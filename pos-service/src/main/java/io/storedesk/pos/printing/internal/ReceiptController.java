package io.storedesk.pos.printing.internal;

import java.util.EnumMap;
import java.util.Map;

import io.storedesk.pos.common.ProblemException;
import io.storedesk.pos.printing.PrintingProperties;
import io.storedesk.pos.sale.Sales;
import io.storedesk.receipt.PaperWidth;
import io.storedesk.receipt.Receipt;
import io.storedesk.receipt.escpos.EscPosReceiptRenderer;
import io.storedesk.receipt.pdf.PdfReceiptRenderer;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
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
    private final Map<PaperWidth, PdfReceiptRenderer> pdf = new EnumMap<>(PaperWidth.class);
    private final Map<PaperWidth, EscPosReceiptRenderer> escPos = new EnumMap<>(PaperWidth.class);

    ReceiptController(Sales sales, SaleReceipts receipts, PrintingProperties printing) {
        this.sales = sales;
        this.receipts = receipts;
        this.printing = printing;
        for (PaperWidth width : PaperWidth.values()) {
            pdf.put(width, new PdfReceiptRenderer(width));
            escPos.put(width, new EscPosReceiptRenderer(width));
        }
    }

    @GetMapping("/api/v1/sales/{receiptNumber}/receipt")
    ResponseEntity<byte[]> receipt(@PathVariable @Size(max = 40) String receiptNumber,
            @RequestParam(defaultValue = "pdf") @Pattern(regexp = "pdf|escpos", message = "must be pdf or escpos") String format,
            @RequestParam(defaultValue = "false") boolean copy,
            @RequestParam(defaultValue = "false") boolean gift,
            @RequestParam(required = false) PaperWidth paper) {
        Receipt receipt = receipts.of(sales.find(receiptNumber)
                .orElseThrow(() -> ProblemException.notFound("Sale", receiptNumber)), copy, gift);
        PaperWidth width = paper != null ? paper : printing.paper();
        boolean isPdf = format.equals("pdf");
        byte[] body = isPdf ? pdf.get(width).render(receipt) : escPos.get(width).render(receipt);
        String name = receiptNumber + (gift ? "-gift" : "") + (copy ? "-copy" : "") + (isPdf ? ".pdf" : ".bin");
        return ResponseEntity.ok()
                .contentType(isPdf ? MediaType.APPLICATION_PDF : ESC_POS)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(name).build().toString())
                .body(body);
    }
}
