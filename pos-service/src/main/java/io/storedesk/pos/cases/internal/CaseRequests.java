package io.storedesk.pos.cases.internal;

import java.time.LocalDate;

import io.storedesk.pos.common.Amounts;
import io.storedesk.pos.identity.ApprovalRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Request bodies of the service-case API, validated before anything else happens. */
final class CaseRequests {

    private CaseRequests() {
    }

    enum Category { COMPLAINT, QUESTION, ORDER, RETURN, OTHER }

    enum Channel { IN_STORE, PHONE, EMAIL, CHAT, SOCIAL }

    enum GoodwillType { STORE_CREDIT, COUPON }

    record Open(@Size(max = 40) String customerId, @Size(max = 40) String receiptNumber,
            @NotNull Category category, @NotNull Channel channel,
            @NotBlank @Size(max = 200) String subject, @Size(max = 4000) String description) {
    }

    record Note(@NotBlank @Size(max = 4000) String text) {
    }

    /** To a manager (optional: any manager when left out), with the reason. */
    record Escalate(@NotBlank @Size(max = 1000) String reason, @Size(max = 64) String manager) {
    }

    record FollowUp(@NotNull LocalDate due, @Size(max = 1000) String note) {
    }

    record Goodwill(@NotNull GoodwillType type,
            @NotNull @Pattern(regexp = Amounts.PATTERN, message = "must be an amount like 12.30") String amount) {
    }

    record Resolve(@NotBlank @Size(max = 2000) String resolution, @Valid Goodwill goodwill,
            @Valid ApprovalRequest approval) {
    }

    record Close(@Size(max = 1000) String note) {
    }
}
