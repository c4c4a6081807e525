package io.storedesk.pos.sale;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** A sale as the API, the pages and other modules see it. Amounts are strings ("12.30"). */
public record SaleView(
        String receiptNumber,
        String status,
        String storeId,
        String registerId,
        String drawerId,
        LocalDate businessDate,
        OffsetDateTime completedAt,
        String clerk,
        String currency,
        List<Line> lines,
        String subtotal,
        String discountTotal,
        String taxTotal,
        String total,
        List<Tax> taxes,
        List<Tender> tenders,
        String totalPaid,
        String change,
        String cashRounding,
        int pointsEarned,
        List<Promotion> promotions,
        String loyaltyCard,
        List<Discount> discounts,
        TaxExemption taxExemption) {

    /** The status of a sale as sold ({@link SaleStatus#COMPLETED}). */
    public static final String COMPLETED = SaleStatus.COMPLETED.name();
    /** The status of a post-voided sale ({@link SaleStatus#VOIDED}). */
    public static final String VOIDED = SaleStatus.VOIDED.name();
    /** The status of a training sale (ADR 0005), which no book knows ({@link SaleStatus#TRAINING}). */
    public static final String TRAINING = SaleStatus.TRAINING.name();

    /** The status as its enum (the JSON keeps the text, {@link #status()}). */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public SaleStatus saleStatus() {
        return SaleStatus.valueOf(status);
    }

    /** The total as a number, for arithmetic in other modules (the JSON keeps the string, {@link #total()}). */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public java.math.BigDecimal totalAmount() {
        return new java.math.BigDecimal(total);
    }

    /** The same sale with another status (VOIDED once post-voided). */
    public SaleView withStatus(SaleStatus newStatus) {
        return withStatus(newStatus.name());
    }

    /** The same sale with another status (VOIDED once post-voided). */
    public SaleView withStatus(String newStatus) {
        return new SaleView(receiptNumber, newStatus, storeId, registerId, drawerId, businessDate, completedAt, clerk,
                currency, lines, subtotal, discountTotal, taxTotal, total, taxes, tenders, totalPaid, change,
                cashRounding, pointsEarned, promotions, loyaltyCard, discounts, taxExemption);
    }

    /** {@code giftCard}: the gift card this line sold or reloaded (issue 26), else null. */
    public record Line(int lineNo, String sku, String name, String department, int quantity, String unitPrice,
            String discount, String net, String tax, String taxRate, String taxLetter, int returnedQuantity,
            Long priceVersion, GiftCard giftCard) {

        public Line(int lineNo, String sku, String name, String department, int quantity, String unitPrice,
                String discount, String net, String tax, String taxRate, String taxLetter, int returnedQuantity,
                Long priceVersion) {
            this(lineNo, sku, name, department, quantity, unitPrice, discount, net, tax, taxRate, taxLetter,
                    returnedQuantity, priceVersion, null);
        }

        public Line(int lineNo, String sku, String name, String department, int quantity, String unitPrice,
                String discount, String net, String tax, String taxRate, String taxLetter, int returnedQuantity) {
            this(lineNo, sku, name, department, quantity, unitPrice, discount, net, tax, taxRate, taxLetter,
                    returnedQuantity, null);
        }

        /** The line's net as a number (the JSON keeps the string, {@link #net()}). */
        @com.fasterxml.jackson.annotation.JsonIgnore
        public java.math.BigDecimal netAmount() {
            return new java.math.BigDecimal(net);
        }
    }

    /**
     * A gift card sold ({@code ACTIVATE}) or reloaded ({@code RELOAD}) by a line: its number masked, head office's
     * op id ({@code reference}) and the balance head office answered ({@code balance}; null in a quote).
     */
    public record GiftCard(String number, String kind, String reference, String balance) {
    }

    public record Tax(String rate, String letter, String net, String tax, String gross) {
    }

    /** {@code balanceAfter}: a gift card's balance after it paid (online), for the receipt; else null. */
    public record Tender(String type, String amount, String tendered, String maskedPan, String brand,
            String authCode, String rrn, String reference, String balanceAfter) {

        public Tender(String type, String amount, String tendered, String maskedPan, String brand, String authCode,
                String rrn, String reference) {
            this(type, amount, tendered, maskedPan, brand, authCode, rrn, reference, null);
        }

        /** The amount paid as a number (the JSON keeps the string, {@link #amount()}). */
        @com.fasterxml.jackson.annotation.JsonIgnore
        public java.math.BigDecimal paidAmount() {
            return new java.math.BigDecimal(amount);
        }
    }

    public record Promotion(String code, String description, String amount) {
    }

    /**
     * A price override ({@code OVERRIDE}: {@code wasPrice} the catalogue unit price), manual line discount
     * ({@code LINE}) or transaction discount ({@code TRANSACTION}, {@code lineNo} 0), with its reason, the percent
     * asked for (null for an amount or override), the reduction it gave and who approved it (null: within the limit).
     */
    public record Discount(String kind, int lineNo, String reason, String percent, String amount, String wasPrice,
            String approvedBy) {
    }

    /**
     * The sale, or some of its lines, was sold tax-exempt (null: none was): the reason code, the customer's
     * document or VAT id, the approving manager, the tax not charged ({@code taxNotCharged}: what the exempt
     * lines' tax would have been), the exempt lines ({@code lineNos}, every line when the whole sale was) and
     * what they were sold for ({@code net}, no tax).
     */
    public record TaxExemption(String reason, String document, String approvedBy, String taxNotCharged,
            List<Integer> lineNos, String net) {

        /** Whether line {@code lineNo} was sold exempt. */
        public boolean covers(int lineNo) {
            return lineNos.contains(lineNo);
        }
    }
}
