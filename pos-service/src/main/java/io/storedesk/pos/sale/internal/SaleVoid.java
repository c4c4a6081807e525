package io.storedesk.pos.sale.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import io.storedesk.pos.common.Money;

/**
 * A post-void of a sale, made by {@link Sale#voided}: who voided it, who approved it, why, when, the sale's total
 * and the cash that went back out of the drawer. {@link SaleVoids} keeps it, one row per voided sale.
 */
record SaleVoid(String receiptNumber, LocalDate businessDate, String registerId, String voidedBy, String approvedBy,
        String reason, Instant at, BigDecimal total, Money cashBack) {
}
