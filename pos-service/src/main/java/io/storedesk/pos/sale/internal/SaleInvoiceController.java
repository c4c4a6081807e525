package io.storedesk.pos.sale.internal;

import java.util.Locale;
import java.util.Optional;

import io.storedesk.pos.common.ProblemException;
import io.storedesk.pos.identity.CurrentUser;
import io.storedesk.pos.printing.documents.DocumentOutput;
import io.storedesk.pos.sale.SaleView;
import io.storedesk.pos.sale.Sales;
import io.storedesk.pos.sale.TrainingTill;
import io.storedesk.receipt.pdf.PdfInvoiceRenderer;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A4 invoices of sales for business customers, laid out by the receipt library's invoice renderer. In training
 * (ADR 0005) a training sale ({@code TRN-...}) is invoiced as a training document: marked "TRAINING - NOT A
 * RECEIPT", numbered with its training number, neither stored nor journaled; a real sale is 422
 * {@code training-real-receipt} there, and a training sale outside training is unknown (404).
 */
@RestController
class SaleInvoiceController {

    private final Sales sales;
    private final SaleInvoices invoices;
    private final DocumentOutput output;
    private final ObjectProvider<TrainingTill> training;
    private final PdfInvoiceRenderer invoiceRenderer = new PdfInvoiceRenderer();

    SaleInvoiceController(Sales sales, SaleInvoices invoices, DocumentOutput output,
            ObjectProvider<TrainingTill> training) {
        this.sales = sales;
        this.invoices = invoices;
        this.output = output;
        this.training = training;
    }

    /**
     * Issues the sale's A4 invoice to a business customer (the first time; stored and journaled) and
     * answers the PDF; asking again for the same buyer answers the same invoice marked as a copy.
     */
    @PostMapping("/api/v1/sales/{receiptNumber}/invoice")
    ResponseEntity<byte[]> invoice(@PathVariable String receiptNumber, // no constraint here: field errors name the field
            @Valid @RequestBody InvoiceRequest request) {
        TrainingTill till = training.getIfAvailable();
        String user = CurrentUser.username();
        String vatId = request.vatId().strip().toUpperCase(Locale.ROOT);
        String address = request.address() == null ? null : request.address().strip();
        if (receiptNumber.startsWith(TrainingTill.PREFIX)) { // invoiced in training only (the user's or its register's)
            SaleView sale = (till == null ? Optional.<SaleView>empty() : till.find(receiptNumber))
                    .filter(s -> till.activeFor(user, s.registerId()))
                    .orElseThrow(() -> ProblemException.notFound("Sale", receiptNumber));
            return output.pdf(invoiceRenderer.render(invoices.training(sale, request.companyName().strip(), vatId,
                    address, user)), "invoice-" + receiptNumber);
        }
        SaleView sale = sales.find(receiptNumber).orElseThrow(() -> ProblemException.notFound("Sale", receiptNumber));
        if (till != null && (till.activeFor(user, sale.registerId()) || till.activeFor(user, CurrentUser.tokenRegister()))) {
            throw ProblemException.rule("training-real-receipt", "Real receipt in training",
                    "In training only training receipts (%s...) can be invoiced; %s is a real one."
                            .formatted(TrainingTill.PREFIX, receiptNumber))
                    .with("receiptNumber", receiptNumber);
        }
        SaleInvoices.Invoice invoice = invoices.issue(sale, request.companyName().strip(), vatId, address, user);
        return output.pdf(invoiceRenderer.render(invoice.document()),
                "invoice-" + receiptNumber + (invoice.copy() ? "-copy" : ""));
    }

    /** The sale's issued invoice again, marked as a copy; 404 when none was issued. */
    @GetMapping("/api/v1/sales/{receiptNumber}/invoice")
    ResponseEntity<byte[]> invoiceCopy(@PathVariable @Size(max = 40) String receiptNumber) {
        SaleView sale = sales.find(receiptNumber).orElseThrow(() -> ProblemException.notFound("Sale", receiptNumber));
        return output.pdf(invoiceRenderer.render(invoices.reprint(sale)), "invoice-" + receiptNumber + "-copy");
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
