package io.storedesk.pos.sale.internal;

import java.util.List;

import io.storedesk.pos.identity.ApprovalRequest;
import io.storedesk.pos.sale.SaleOrder;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Request bodies of the sale API, validated before anything else happens. */
final class SaleRequests {

    static final int MAX_LINES = SaleOrder.MAX_LINES;

    private SaleRequests() {
    }

    record Quote(@NotEmpty @Size(max = MAX_LINES) List<SaleOrder.@Valid @NotNull Line> lines,
            @Size(max = 40) String loyaltyCard,
            @Size(max = 10) List<@NotBlank @Size(max = 40) String> coupons,
            @Valid SaleOrder.Discount discount, @Valid SaleOrder.AgeCheck ageCheck,
            @Valid SaleOrder.TaxExemption taxExemption) {
    }

    record Sale(@NotBlank @Size(max = 20) String drawerId,
            @NotEmpty @Size(max = MAX_LINES) List<SaleOrder.@Valid @NotNull Line> lines,
            @Size(max = 40) String loyaltyCard,
            @Size(max = 10) List<@NotBlank @Size(max = 40) String> coupons,
            @NotEmpty @Size(max = 10) List<SaleOrder.@Valid @NotNull Tender> tenders,
            @Valid SaleOrder.Discount discount, @Valid ApprovalRequest approval,
            @Valid SaleOrder.AgeCheck ageCheck, @Valid SaleOrder.TaxExemption taxExemption) {
    }

    /** A post-void: why, and the approving manager. */
    record Void(@NotBlank @Size(max = 200) String reason, @Valid ApprovalRequest approval) {
    }
}
