package io.storedesk.pos.returns.internal;

import java.util.Optional;

import io.storedesk.pos.common.ProblemException;
import io.storedesk.pos.printing.documents.DocumentOutput;
import io.storedesk.pos.printing.documents.Printed;
import io.storedesk.pos.returns.ReturnView;
import io.storedesk.pos.returns.Returns;
import io.storedesk.pos.sale.SaleView;
import io.storedesk.pos.sale.Sales;
import io.storedesk.pos.sale.TrainingTill;
import io.storedesk.receipt.PaperWidth;
import io.storedesk.receipt.Receipt;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The return receipt as a document (PDF roll or ESC/POS) and printed on the printer of the register
 * that took the return; laid out by {@link ReturnReceipts}, put out by the printing library.
 */
@RestController
class ReturnDocumentController {

    private final Returns returns;
    private final Sales sales;
    private final ReturnReceipts returnReceipts;
    private final DocumentOutput output;
    private final ObjectProvider<TrainingTill> training;

    ReturnDocumentController(Returns returns, Sales sales, ReturnReceipts returnReceipts, DocumentOutput output,
            ObjectProvider<TrainingTill> training) {
        this.returns = returns;
        this.sales = sales;
        this.returnReceipts = returnReceipts;
        this.output = output;
        this.training = training;
    }

    @GetMapping("/api/v1/returns/{returnNumber}/receipt")
    ResponseEntity<byte[]> returnReceipt(@PathVariable @Size(max = 40) String returnNumber,
            @RequestParam(defaultValue = "pdf") @Pattern(regexp = DocumentOutput.FORMATS,
                    message = DocumentOutput.FORMAT_MESSAGE) String format,
            @RequestParam(defaultValue = "false") boolean copy, @RequestParam(required = false) PaperWidth paper) {
        return output.document(returnReceipt(returnNumber, copy), format, paper, returnNumber + (copy ? "-copy" : ""));
    }

    /** Prints the return receipt on the printer of the register that took the return. */
    @PostMapping("/api/v1/returns/{returnNumber}/print")
    Printed printReturn(@PathVariable @Size(max = 40) String returnNumber,
            @Valid @RequestBody(required = false) CopyRequest request) {
        ReturnView ret = findReturn(returnNumber);
        boolean copy = request != null && Boolean.TRUE.equals(request.copy());
        return output.print(returnNumber, ret.registerId(), returnReceipts.of(ret, saleOf(ret), copy));
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

    record CopyRequest(Boolean copy) {
    }
}
