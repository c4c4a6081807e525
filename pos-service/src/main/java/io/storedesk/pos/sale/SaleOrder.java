package io.storedesk.pos.sale;

import java.util.List;

import io.storedesk.pos.common.Amounts;
import io.storedesk.pos.common.CardData;
import io.storedesk.pos.identity.ApprovalRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The parts of a sale request that other documents share (an exchange's new lines and tenders),
 * validated before anything else happens.
 */
public final class SaleOrder {

    private SaleOrder() {
    }

    /** A percentage such as "10" or "12.5" (0.01..100). */
    public static final String PERCENT = "(100|[1-9]?[0-9])(\\.[0-9]{1,2})?";

    /**
     * An item by SKU or barcode, and how many; optionally a price override (replaces the unit
     * price) and a manual line discount, each with a reason code ({@code pos.discounts.reasons}).
     * Or, instead of an item, a gift card sold or reloaded ({@code giftCard}; sku and quantity left out).
     */
    public record Line(@Size(max = 40) String sku, @Min(1) @Max(9999) Integer quantity,
            @Valid PriceOverride priceOverride, @Valid Discount discount, @Valid GiftCard giftCard) {

        public Line(String sku, Integer quantity) {
            this(sku, quantity, null, null, null);
        }

        public Line(String sku, Integer quantity, PriceOverride priceOverride, Discount discount) {
            this(sku, quantity, priceOverride, discount, null);
        }

        /** An item line has a sku and a quantity; a gift-card line has neither, nor a price override or discount. */
        @com.fasterxml.jackson.annotation.JsonIgnore
        @jakarta.validation.constraints.AssertTrue(message = "needs sku and quantity, or only giftCard")
        public boolean isItemOrGiftCard() {
            return giftCard == null ? sku != null && !sku.isBlank() && quantity != null
                    : sku == null && quantity == null && priceOverride == null && discount == null;
        }
    }

    /**
     * A gift card sold at the till ({@code ACTIVATE}: a new card gets {@code amount}) or reloaded ({@code RELOAD}),
     * activated online at head office before the sale's transaction (issue 26). The number is card data: never in a
     * fingerprint, stored or logged ({@link CardData}); the sale keeps it masked.
     */
    public record GiftCard(@CardData @NotNull @Pattern(regexp = "[0-9]{8,32}", message = "must be a gift card number of 8 to 32 digits") String number,
            @NotNull @Pattern(regexp = Amounts.PATTERN, message = "must be an amount like 12.30") String amount,
            @NotNull @Pattern(regexp = "ACTIVATE|RELOAD", message = "must be ACTIVATE or RELOAD") String kind) {

        @Override
        public String toString() {
            return "GiftCard[number=****, amount=%s, kind=%s]".formatted(amount, kind);
        }
    }

    /** A new unit price for a line and why. */
    public record PriceOverride(@NotNull @Pattern(regexp = Amounts.PATTERN, message = "must be an amount like 12.30") String price,
            @NotBlank @Size(max = 40) String reason) {
    }

    /** A manual discount: a percent or an amount (exactly one of them), and why. */
    public record Discount(@Pattern(regexp = PERCENT, message = "must be a percentage like 10 or 12.5") String percent,
            @Pattern(regexp = Amounts.PATTERN, message = "must be an amount like 12.30") String amount,
            @NotBlank @Size(max = 40) String reason) {
    }

    /**
     * Card data as read or keyed at the till; never stored or logged, and never part of a request
     * fingerprint ({@link CardData}).
     */
    public record Card(@CardData @Size(max = 19) @Pattern(regexp = "[0-9]{12,19}") String pan,
            @CardData @Size(max = 4) @Pattern(regexp = "[0-9]{4}") String expiry,
            @CardData @Size(max = 40) String track2) {

        @Override
        public String toString() {
            return "Card[****]";
        }
    }

    /**
     * A tender: CASH with amount; CARD with card (amount optional); STORE_CREDIT with code; LOYALTY_POINTS with
     * points; GIFT_CARD with giftCard, the card's number (amount optional: as much as its balance pays). The
     * gift card's number is card data: never in a fingerprint ({@link CardData}).
     */
    public record Tender(@NotNull TenderType type,
            @Pattern(regexp = Amounts.PATTERN, message = "must be an amount like 12.30") String amount,
            @Valid Card card,
            @Size(max = 40) String code,
            @Min(1) @Max(100_000_000) Integer points,
            @CardData @Pattern(regexp = "[0-9]{8,32}", message = "must be a gift card number of 8 to 32 digits") String giftCard) {

        public Tender(TenderType type, String amount, Card card, String code, Integer points) {
            this(type, amount, card, code, points, null);
        }

        @Override
        public String toString() {
            return "Tender[type=%s, amount=%s, card=%s, code=%s, points=%s, giftCard=%s]".formatted(type, amount, card,
                    code, points, giftCard == null ? null : "****");
        }
    }

    /**
     * The clerk's age check for age-restricted lines: either the customer's date of birth as read
     * from an ID ({@code {"dateOfBirth":"2008-12-06"}}), or "ID checked, looks over N"
     * ({@code {"idChecked":true,"looksOver":25}}). The date of birth is only compared, never stored,
     * journaled or logged (data minimisation): the journal records "over N confirmed".
     */
    public record AgeCheck(java.time.LocalDate dateOfBirth, Boolean idChecked, @Min(1) @Max(99) Integer looksOver) {

        @Override
        public String toString() {
            return dateOfBirth != null ? "AgeCheck[dateOfBirth=****]" : "AgeCheck[idChecked=%s, looksOver=%s]"
                    .formatted(idChecked, looksOver);
        }
    }

    /**
     * A tax-exempt sale: the reason code ({@code pos.tax-exemptions.reasons}, e.g. EXPORT, DIPLOMATIC,
     * REVERSE_CHARGE) and the customer's document: passport or diplomatic card number, or for the reverse
     * charge their EU VAT id. Always needs a manager's approval ({@code approval} of the request).
     * {@code lineNos}: the lines sold exempt (the request's line numbers, from 1); null or empty: the whole sale.
     */
    public record TaxExemption(@NotBlank @Size(max = 40) String reason, @NotBlank @Size(max = 40) String document,
            @Size(max = MAX_LINES) List<@NotNull Integer> lineNos) {

        public TaxExemption(String reason, String document) {
            this(reason, document, null);
        }

        /** Whether every line of the sale is exempt (no line numbers named). */
        public boolean wholeSale() {
            return lineNos == null || lineNos.isEmpty();
        }
    }

    /** Limits shared by every request that carries lines and tenders. */
    public static final int MAX_LINES = 500;

    /** For exchanges: the new lines and how the difference is paid. */
    public record Exchange(String drawerId, List<Line> lines, String loyaltyCard, List<String> coupons,
            List<Tender> tenders, Discount discount, ApprovalRequest approval, AgeCheck ageCheck,
            TaxExemption taxExemption) {

        public Exchange(String drawerId, List<Line> lines, String loyaltyCard, List<String> coupons,
                List<Tender> tenders, Discount discount, ApprovalRequest approval, AgeCheck ageCheck) {
            this(drawerId, lines, loyaltyCard, coupons, tenders, discount, approval, ageCheck, null);
        }

        public Exchange(String drawerId, List<Line> lines, String loyaltyCard, List<String> coupons,
                List<Tender> tenders) {
            this(drawerId, lines, loyaltyCard, coupons, tenders, null, null, null);
        }

        public Exchange(String drawerId, List<Line> lines, String loyaltyCard, List<String> coupons,
                List<Tender> tenders, Discount discount, ApprovalRequest approval) {
            this(drawerId, lines, loyaltyCard, coupons, tenders, discount, approval, null);
        }
    }
}
