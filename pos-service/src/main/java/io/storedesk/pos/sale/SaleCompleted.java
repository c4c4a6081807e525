package io.storedesk.pos.sale;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A sale was completed; published in the sale's transaction. Amounts are strings. {@code taxExemption}:
 * the exemption of the sale or of some of its lines (null: none). {@code discounts}: its price overrides and manual
 * discounts with their reasons (issue 24; empty: none), which head office sums by reason and by clerk.
 */
public record SaleCompleted(
        String receiptNumber,
        String storeId,
        String registerId,
        String drawerId,
        LocalDate businessDate,
        String clerk,
        Instant completedAt,
        String currency,
        String total,
        String taxTotal,
        String discountTotal,
        String cashRounding,
        List<SaleView.Line> lines,
        List<SaleView.Tender> tenders,
        String loyaltyCard,
        SaleView.TaxExemption taxExemption,
        List<SaleView.Discount> discounts) {
}
