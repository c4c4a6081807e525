package io.storedesk.pos.sale;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A completed sale was post-voided (same business day, with a manager's approval): its card
 * tenders were reversed, its cash paid back out of the drawer and its ledger tenders given back.
 * Published in the void's transaction. Amounts are strings.
 */
public record SaleVoided(
        String receiptNumber,
        String storeId,
        String registerId,
        String drawerId,
        LocalDate businessDate,
        String voidedBy,
        String approvedBy,
        String reason,
        Instant voidedAt,
        String currency,
        String total,
        List<SaleView.Line> lines,
        List<SaleView.Tender> tenders,
        String loyaltyCard) {
}
