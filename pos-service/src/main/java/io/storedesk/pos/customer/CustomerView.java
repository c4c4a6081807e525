package io.storedesk.pos.customer;

import java.time.OffsetDateTime;

/**
 * A customer as the API and other modules see it. An erased customer keeps only its id and
 * dates; {@code loyaltyBalance} is filled in by the loyalty module (null until it is wired).
 */
public record CustomerView(
        String id,
        String name,
        String phone,
        String email,
        String loyaltyCard,
        String preferredLanguage,
        Consent emailReceipts,
        Consent marketing,
        OffsetDateTime createdAt,
        String createdBy,
        OffsetDateTime updatedAt,
        boolean erased,
        OffsetDateTime erasedAt,
        String loyaltyBalance) {

    /** Whether the customer agreed, and when that was recorded (null if never asked). */
    public record Consent(boolean granted, OffsetDateTime recordedAt) {
    }
}
