package io.storedesk.pos.specialorder.internal;

import java.util.List;

import io.storedesk.pos.common.Amounts;
import io.storedesk.pos.identity.ApprovalRequest;
import io.storedesk.pos.sale.SaleOrder;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Request bodies of the special-order API, validated before anything else happens. */
final class SpecialOrderRequests {

    private SpecialOrderRequests() {
    }

    enum DepositType { CASH, CARD }

    /** Goods ordered for a customer; the deposit is taken at the drawer's register. */
    record Create(@NotBlank @Size(max = 40) String customerId, @NotBlank @Size(max = 20) String drawerId,
            @NotEmpty @Size(max = 100) List<SaleOrder.@Valid @NotNull Line> lines,
            @NotNull @Valid Deposit deposit, @Size(max = 1000) String note) {
    }

    /** CASH with amount (into the open drawer), or CARD with amount and card (keyed or swiped). */
    record Deposit(@NotNull DepositType type,
            @NotNull @Pattern(regexp = Amounts.PATTERN, message = "must be an amount like 12.30") String amount,
            @Valid SaleOrder.Card card) {
    }

    /**
     * The balance paid by these tenders (left out when the deposit covers everything). The pickup is a sale of the
     * ordered goods: {@code ageCheck} for age-restricted goods and {@code taxExemption} (with the manager's
     * {@code approval}) as on {@code POST /api/v1/sales}.
     */
    record Pickup(@NotBlank @Size(max = 20) String drawerId,
            @Size(max = 20) List<SaleOrder.@Valid @NotNull Tender> tenders,
            @Valid SaleOrder.AgeCheck ageCheck, @Valid SaleOrder.TaxExemption taxExemption,
            @Valid ApprovalRequest approval) {
    }

    /** A cash deposit goes back out of {@code drawerId} (default: the drawer that took it). */
    record Cancel(@NotBlank @Size(max = 1000) String reason, @Size(max = 20) String drawerId) {
    }
}
