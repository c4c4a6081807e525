package io.storedesk.pos.sale.internal;

import java.util.List;

import io.storedesk.pos.common.Amounts;
import io.storedesk.pos.sale.TenderType;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Request bodies of the sale API, validated before anything else happens. */
final class SaleRequests {

    static final int MAX_LINES = 500;

    private SaleRequests() {
    }

    record Line(@NotBlank @Size(max = 40) String sku, @NotNull @Min(1) @Max(9999) Integer quantity) {
    }

    record Card(@Size(max = 19) @Pattern(regexp = "[0-9]{12,19}") String pan,
            @Size(max = 4) @Pattern(regexp = "[0-9]{4}") String expiry,
            @Size(max = 40) String track2) {

        @Override
        public String toString() {
            return "Card[****]";
        }
    }

    record Tender(@NotNull TenderType type,
            @Pattern(regexp = Amounts.PATTERN, message = "must be an amount like 12.30") String amount,
            @Valid Card card,
            @Size(max = 40) String code,
            @Min(1) @Max(100_000_000) Integer points) {
    }

    record Quote(@NotEmpty @Size(max = MAX_LINES) List<@Valid @NotNull Line> lines,
            @Size(max = 40) String loyaltyCard,
            @Size(max = 10) List<@NotBlank @Size(max = 40) String> coupons) {
    }

    record Sale(@NotBlank @Size(max = 20) String drawerId,
            @NotEmpty @Size(max = MAX_LINES) List<@Valid @NotNull Line> lines,
            @Size(max = 40) String loyaltyCard,
            @Size(max = 10) List<@NotBlank @Size(max = 40) String> coupons,
            @NotEmpty @Size(max = 10) List<@Valid @NotNull Tender> tenders) {
    }
}
