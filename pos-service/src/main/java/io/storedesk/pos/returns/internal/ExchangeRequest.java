package io.storedesk.pos.returns.internal;

import java.util.List;

import io.storedesk.pos.identity.ApprovalRequest;
import io.storedesk.pos.sale.SaleOrder;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * An exchange: lines of a receipt coming back and new lines going out; {@code tenders} pay what
 * the new goods cost beyond the returned ones; when they cost less, the rest is refunded by
 * {@code refundMethod} (as a return would). The new goods are a sale like any other: line
 * discounts and price overrides on {@code newLines}, a basket {@code discount}, and the
 * {@code ageCheck} for age-restricted goods, as on {@code POST /api/v1/sales}; the one manager
 * {@code approval} of the exchange covers both halves (the return policy's and the discounts').
 */
record ExchangeRequest(@NotBlank @Size(max = 40) String receiptNumber,
        @NotBlank @Size(max = 20) String drawerId,
        @NotEmpty @Size(max = 500) List<ReturnRequests.@Valid @NotNull Line> returnLines,
        @NotEmpty @Size(max = SaleOrder.MAX_LINES) List<SaleOrder.@Valid @NotNull Line> newLines,
        @Size(max = 10) List<SaleOrder.@Valid @NotNull Tender> tenders,
        ReturnRequests.RefundMethod refundMethod,
        @Valid ApprovalRequest approval,
        @Size(max = 40) String loyaltyCard,
        @Size(max = 10) List<@NotBlank @Size(max = 40) String> coupons,
        @Valid SaleOrder.Discount discount,
        @Valid SaleOrder.AgeCheck ageCheck) {

    ReturnRequests.RefundMethod method() {
        return refundMethod == null ? ReturnRequests.RefundMethod.ORIGINAL : refundMethod;
    }
}
