package io.storedesk.pos.customer;

import java.time.OffsetDateTime;

/**
 * A customer as the API and other modules see it. An erased customer keeps only its id and
 * dates; {@code loyaltyBalance} is the points balance of the customer's loyalty card as the
 * loyalty module knows it (null without a card or an account for it).
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
        Long loyaltyBalance) {

    public CustomerView withLoyaltyBalance(Long points) {
        return new CustomerView(id, name, phone, email, loyaltyCard, preferredLanguage, emailReceipts, marketing,
                createdAt, createdBy, updatedAt, erased, erasedAt, points);
    }

    /** Whether the customer agreed, and when that was recorded (null if never asked). */
    public record Consent(boolean granted, OffsetDateTime recordedAt) {
    }
}
