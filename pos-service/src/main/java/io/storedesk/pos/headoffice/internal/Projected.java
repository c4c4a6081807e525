package io.storedesk.pos.headoffice.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What the received events add to head office's projections, one record per kind of row. */
final class Projected {

    private Projected() {
    }

    /**
     * A SALE_COMPLETED; {@code hour} is the store-local hour of completion ("09"). Its goods only: the gift cards
     * it sold or reloaded (issue 26) are a liability, not revenue, so they are in {@code giftCards} and not in the
     * lines, {@code subtotal} or {@code total}; {@code tenders} are what the customer paid, for both.
     */
    record Sale(String receiptNumber, LocalDate businessDate, String hour, String registerId, String clerk,
            String currency, BigDecimal subtotal, BigDecimal discountTotal, BigDecimal total, BigDecimal taxTotal,
            BigDecimal cashRounding, String loyaltyCard, List<Line> lines, List<Tender> tenders, Exemption exemption,
            List<GiftCardLine> giftCards, List<ManualDiscount> discounts) {
    }

    /**
     * A price override or manual discount of a sale (issue 24; payload {@code manualDiscounts}, absent from older
     * stores: none): its reason code and the reduction it gave (negative when an override raised the price).
     */
    record ManualDiscount(String reason, BigDecimal amount) {
    }

    /** A gift card sold ({@code ACTIVATE}) or reloaded ({@code RELOAD}) by a sale line, for {@code amount}. */
    record GiftCardLine(String kind, BigDecimal amount) {
    }

    /** A sale's tax exemption (null: none): its reason, the exempt lines and their net (no tax). */
    record Exemption(String reason, List<Integer> lineNos, BigDecimal net) {
    }

    /** A sale line: {@code net} is what the line took after discounts, tax included. */
    record Line(int lineNo, String sku, String department, int quantity, BigDecimal unitPrice, BigDecimal discount,
            BigDecimal net, BigDecimal tax, String taxRate) {
    }

    record Tender(String type, BigDecimal amount) {
    }

    /** A SALE_VOIDED: {@code total} is what the voided sale had totalled. */
    record Void(String receiptNumber, LocalDate businessDate, String currency, BigDecimal total, String voidedBy) {
    }

    /** A RETURN_COMPLETED, counted on its own business date. */
    record Return(String returnNumber, String receiptNumber, LocalDate businessDate, String currency,
            BigDecimal refundTotal, BigDecimal cashRounding, List<Tender> refunds) {
    }

    /**
     * A LOYALTY_ENTRY: signed points for a card; {@code occurredAt} is the store's time of the entry
     * (an EARN's lot is due expiry-months after it), {@code receiptNumber} the sale it belongs to
     * (ties an EARN_REVERSED to its EARN), null when none.
     */
    record LoyaltyEntry(String entryId, String card, String entryType, long points, Instant occurredAt,
            String receiptNumber) {
    }

    /**
     * A Z_REPORT: the store closed its business day; its counters (null when the store's version
     * did not send them) are what completeness compares the received events with.
     */
    record DayClose(long zNumber, LocalDate businessDate, String currency, java.time.Instant closedAt,
            long salesCount, BigDecimal salesTotal, Long voidCount, BigDecimal voidAmount, Long returnsCount,
            BigDecimal returns, BigDecimal netSales) {
    }

    /**
     * A STOCK_MOVEMENT (issue 26): one document's signed quantities per SKU at the store, at
     * {@code occurredAt}; head office adds them to the store's on hand.
     */
    record StockMovement(String document, String reason, String reasonCode, Instant occurredAt,
            List<StockLine> lines) {
    }

    record StockLine(String sku, int quantity) {
    }

    /**
     * A GIFT_CARD_OP (issue 26): a gift-card operation the store sends through the outbox (CANCEL,
     * REFUND of a redemption named by {@code refunds}, offline REDEEM); {@code number} null for a REFUND.
     */
    record GiftCardOp(String opId, String kind, String number, BigDecimal amount, String currency, String document,
            String cancels, String refunds, boolean offline, Instant occurredAt) {

        @Override
        public String toString() {
            return "GiftCardOp[" + opId + ", " + kind + "]";
        }
    }
}
