package io.storedesk.pos.returns.internal;

import java.util.List;

import io.storedesk.pos.common.ProblemException;
import io.storedesk.pos.identity.ApprovalRequest;
import io.storedesk.pos.sale.TrainingTill;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Request bodies of the returns API, validated before anything else happens. */
final class ReturnRequests {

    private ReturnRequests() {
    }

    enum Reason {
        DEFECTIVE, WRONG_ITEM, CHANGED_MIND, DAMAGED_IN_TRANSIT, OTHER
    }

    /**
     * ORIGINAL: back to the tenders of the sale (store-kept tenders, then cards, then cash); CASH:
     * all in cash; STORE_CREDIT: all as a new store credit.
     */
    enum RefundMethod {
        ORIGINAL, CASH, STORE_CREDIT
    }

    /** A line of the receipt by its number; without a receipt, an item by SKU or barcode. */
    record Line(@Min(1) Integer lineNo, @Size(max = 40) String sku, @NotNull @Min(1) @Max(9999) Integer quantity,
            @NotNull Reason reason, boolean restock) {

        Line(Integer lineNo, Integer quantity, Reason reason, boolean restock) {
            this(lineNo, null, quantity, reason, restock);
        }
    }

    /**
     * A return; without {@code receiptNumber} the lines name SKUs, a manager approves, the refund
     * is store credit and {@code customerRef} (ID document or phone number) counts against the
     * monthly limit for returns without a receipt.
     */
    record Return(@Size(max = 40) String receiptNumber,
            @NotBlank @Size(max = 20) String drawerId,
            @NotEmpty @Size(max = 500) List<@Valid @NotNull Line> lines,
            RefundMethod refundMethod,
            @Valid ApprovalRequest approval,
            @Size(max = 64) String customerRef) {

        Return(String receiptNumber, String drawerId, List<Line> lines, RefundMethod refundMethod,
                ApprovalRequest approval) {
            this(receiptNumber, drawerId, lines, refundMethod, approval, null);
        }

        RefundMethod method() {
            return refundMethod == null ? RefundMethod.ORIGINAL : refundMethod;
        }
    }

    /**
     * The lines of a return or exchange in training (ADR 0005): each names the receipt's line, and the refund
     * goes back to the sale's card or in cash (422 {@code training-tender-not-supported} for store credit).
     */
    static List<TrainingTill.ReturnedLine> trainingLines(List<Line> lines, RefundMethod method) {
        if (method == RefundMethod.STORE_CREDIT) {
            throw ProblemException.rule("training-tender-not-supported", "Refund not available in training",
                    "In training a refund goes back to the sale's card or in cash; store credit keeps books of its own.");
        }
        return lines.stream().map(l -> {
            if (l.lineNo() == null) {
                throw ProblemException.invalidField("lines.lineNo", "a training return names the receipt's lines");
            }
            return new TrainingTill.ReturnedLine(l.lineNo(), l.quantity(), l.reason().name(), l.restock());
        }).toList();
    }
}
