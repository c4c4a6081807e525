package io.storedesk.pos.returns.internal;

import java.util.List;

import io.storedesk.pos.identity.ApprovalRequest;
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

    /** ORIGINAL: back to the tenders of the sale (card first, then cash); CASH: all in cash. */
    enum RefundMethod {
        ORIGINAL, CASH
    }

    record Line(@NotNull @Min(1) Integer lineNo, @NotNull @Min(1) @Max(9999) Integer quantity,
            @NotNull Reason reason, boolean restock) {
    }

    record Return(@NotBlank @Size(max = 40) String receiptNumber,
            @NotBlank @Size(max = 20) String drawerId,
            @NotEmpty @Size(max = 500) List<@Valid @NotNull Line> lines,
            RefundMethod refundMethod,
            @Valid ApprovalRequest approval) {

        RefundMethod method() {
            return refundMethod == null ? RefundMethod.ORIGINAL : refundMethod;
        }
    }
}
