package io.storedesk.pos.sale.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.storedesk.pos.common.Ids;
import io.storedesk.pos.common.Money;
import io.storedesk.pos.common.ProblemException;
import io.storedesk.pos.sale.AppliedTender;
import io.storedesk.pos.sale.PricedBasket;
import io.storedesk.pos.sale.PricedLine;
import io.storedesk.pos.sale.SaleStatus;
import io.storedesk.pos.sale.SaleView;
import io.storedesk.pos.sale.Settlement;
import io.storedesk.pos.sale.TenderType;

/**
 * A completed sale. Created complete by {@link #complete}, never changed after: corrections
 * are new documents (post-void, return) that point at it. The sale decides whether it may be
 * post-voided ({@link #checkVoidable}) and makes the void document ({@link #voided}), and counts the goods
 * returned from its lines ({@link #recordReturn}). {@link SaleRepository} stores and loads it, with JDBC only
 * (ADR 0006).
 */
class Sale {

    private UUID id;
    private String receiptNumber;
    private String storeId;
    private String registerId;
    private long registerSeq;
    private String drawerId;
    private LocalDate businessDate;
    private String clerk;
    private Instant completedAt;
    private String currency;
    private BigDecimal subtotal;
    private BigDecimal discountTotal;
    private BigDecimal taxTotal;
    private BigDecimal total;
    private BigDecimal cashRounding;
    private BigDecimal changeGiven;
    private String loyaltyCard;
    private int pointsEarned;
    private String taxExemptReason;
    private String taxExemptDocument;
    private String taxExemptApprovedBy;
    private BigDecimal taxNotCharged;

    private final List<SaleLine> lines = new ArrayList<>();
    private final List<SaleTender> tenders = new ArrayList<>();
    private final List<SalePromotion> promotions = new ArrayList<>();
    private final List<SaleDiscount> discounts = new ArrayList<>();
    /** Not stored yet: only then can it be marked tax-exempt or awarded points. */
    private boolean isNew;

    private Sale() {
    }

    /** A sale's row as stored (see {@link SaleRepository}). */
    record Header(UUID id, String receiptNumber, String storeId, String registerId, long registerSeq, String drawerId,
            LocalDate businessDate, String clerk, Instant completedAt, String currency, BigDecimal subtotal,
            BigDecimal discountTotal, BigDecimal taxTotal, BigDecimal total, BigDecimal cashRounding,
            BigDecimal changeGiven, String loyaltyCard, int pointsEarned, String taxExemptReason,
            String taxExemptDocument, String taxExemptApprovedBy, BigDecimal taxNotCharged) {
    }

    /** A sale loaded from the database: its row and its lines, tenders, promotions and discounts in their order. */
    static Sale stored(Header h, List<SaleLine> lines, List<SaleTender> tenders, List<SalePromotion> promotions,
            List<SaleDiscount> discounts) {
        Sale s = new Sale();
        s.id = h.id();
        s.receiptNumber = h.receiptNumber();
        s.storeId = h.storeId();
        s.registerId = h.registerId();
        s.registerSeq = h.registerSeq();
        s.drawerId = h.drawerId();
        s.businessDate = h.businessDate();
        s.clerk = h.clerk();
        s.completedAt = h.completedAt();
        s.currency = h.currency();
        s.subtotal = h.subtotal();
        s.discountTotal = h.discountTotal();
        s.taxTotal = h.taxTotal();
        s.total = h.total();
        s.cashRounding = h.cashRounding();
        s.changeGiven = h.changeGiven();
        s.loyaltyCard = h.loyaltyCard();
        s.pointsEarned = h.pointsEarned();
        s.taxExemptReason = h.taxExemptReason();
        s.taxExemptDocument = h.taxExemptDocument();
        s.taxExemptApprovedBy = h.taxExemptApprovedBy();
        s.taxNotCharged = h.taxNotCharged();
        s.lines.addAll(lines);
        s.tenders.addAll(tenders);
        s.promotions.addAll(promotions);
        s.discounts.addAll(discounts);
        return s;
    }

    static Sale complete(String receiptNumber, String storeId, String registerId, long registerSeq, String drawerId,
            LocalDate businessDate, String clerk, Instant completedAt, PricedBasket basket, Settlement settlement,
            String loyaltyCard) {
        if (!settlement.paid().equals(basket.total().plus(settlement.cashRounding()))) {
            throw new IllegalStateException("tenders %s do not settle %s + rounding %s"
                    .formatted(settlement.paid(), basket.total(), settlement.cashRounding()));
        }
        Sale s = new Sale();
        s.isNew = true;
        s.id = Ids.timeOrdered();
        s.receiptNumber = receiptNumber;
        s.storeId = storeId;
        s.registerId = registerId;
        s.registerSeq = registerSeq;
        s.drawerId = drawerId;
        s.businessDate = businessDate;
        s.clerk = clerk;
        s.completedAt = completedAt;
        s.currency = basket.total().currency().getCurrencyCode();
        s.subtotal = basket.subtotal().amount();
        s.discountTotal = basket.discountTotal().amount();
        s.taxTotal = basket.taxTotal().amount();
        s.total = basket.total().amount();
        s.cashRounding = settlement.cashRounding().amount();
        s.changeGiven = settlement.change().amount();
        s.loyaltyCard = loyaltyCard;
        for (PricedLine l : basket.lines()) {
            SaleLine line = new SaleLine(l.lineNo(), l.sku(), l.name(), l.department(), l.quantity(),
                    l.unitPrice().amount(), l.value().amount(), l.discount().amount(), l.net().amount(),
                    l.tax().amount(), l.taxRate(), l.taxLetter(), l.priceVersion());
            if (l.giftCard() != null) {
                line.giftCard = io.storedesk.pos.common.GiftCardNumbers.mask(l.giftCard().number());
                if (line.giftCard.length() > 40) {
                    line.giftCard = line.giftCard.substring(line.giftCard.length() - 40);
                }
                line.giftCardKind = l.giftCard().kind();
            }
            s.lines.add(line);
        }
        int seq = 1;
        for (PricedBasket.Promotion p : basket.promotions()) {
            s.promotions.add(new SalePromotion(seq++, p.code(), p.description(), p.amount().amount()));
        }
        seq = 1;
        for (PricedBasket.Manual m : basket.manualDiscounts()) {
            s.discounts.add(new SaleDiscount(seq++, m.kind().name(), m.lineNo(), m.reason(), m.percent(),
                    m.amount().amount(), m.wasPrice() == null ? null : m.wasPrice().amount(), m.approvedBy()));
        }
        int n = 1;
        for (AppliedTender t : settlement.tenders()) {
            s.tenders.add(new SaleTender(n++, t.type().name(), t.amount().amount(), amountOrNull(t.tendered()),
                    t.reference(), t.card()).withBalanceAfter(t.balanceAfter() == null ? null : t.balanceAfter().amount()));
        }
        return s;
    }

    /**
     * Marks a new sale, or its lines {@code lineNos}, tax-exempt (its basket was priced so): why, the
     * customer's document, who approved it and the tax the exempt lines would have held.
     */
    void exempt(String reason, String document, String approvedBy, BigDecimal notCharged,
            java.util.Set<Integer> lineNos) {
        if (!isNew) {
            throw new IllegalStateException("only a new sale is marked tax-exempt");
        }
        lines.forEach(l -> l.taxExempt = lineNos.contains(l.lineNo));
        this.taxExemptReason = reason;
        this.taxExemptDocument = document;
        this.taxExemptApprovedBy = approvedBy;
        this.taxNotCharged = notCharged;
    }

    String taxExemptReason() {
        return taxExemptReason;
    }

    String taxExemptDocument() {
        return taxExemptDocument;
    }

    String taxExemptApprovedBy() {
        return taxExemptApprovedBy;
    }

    BigDecimal taxNotCharged() {
        return taxNotCharged;
    }

    /** The loyalty points the sale earned; set once, before the sale is first stored. */
    void awardPoints(int points) {
        if (!isNew || points < 0) {
            throw new IllegalStateException("points are awarded once, to a new sale, and never negative");
        }
        this.pointsEarned = points;
    }

    /**
     * The post-void rules: not voided yet ({@code status} {@link SaleStatus#VOIDED}: 409
     * {@code sale-already-voided}), of the current business day ({@code current}: the business day, not the
     * calendar day: a shift that runs past midnight books to the date its drawer session opened on, until that
     * session is closed; 422 {@code void-not-same-day}), no gift card sold or reloaded (422
     * {@code gift-card-sale-not-voidable}) and nothing returned (422 {@code sale-has-returns}: the returned
     * quantities as loaded under the sale's lock). The manager's approval is asked for by the caller.
     */
    void checkVoidable(SaleStatus status, LocalDate current) {
        requireVoidable(receiptNumber, status, businessDate, lines.stream().anyMatch(l -> l.giftCard != null),
                lines.stream().anyMatch(l -> l.returnedQuantity > 0), current);
    }

    /** The same rules for a sale the sale module does not keep (a training sale, ADR 0005), as seen by its view. */
    static void checkVoidable(SaleView sale, LocalDate current) {
        requireVoidable(sale.receiptNumber(), sale.saleStatus(), sale.businessDate(),
                sale.lines().stream().anyMatch(l -> l.giftCard() != null),
                sale.lines().stream().anyMatch(l -> l.returnedQuantity() > 0), current);
    }

    private static void requireVoidable(String receiptNumber, SaleStatus status, LocalDate businessDate,
            boolean soldGiftCard, boolean hasReturns, LocalDate current) {
        if (status == SaleStatus.VOIDED) {
            throw ProblemException.conflict("sale-already-voided", "Sale already voided",
                    "Sale %s was already voided.".formatted(receiptNumber));
        }
        if (!businessDate.equals(current)) {
            throw ProblemException.rule("void-not-same-day", "Not the same business day",
                    "Sale %s is of business day %s; only sales of the current business day (%s) can be voided. Take a return instead."
                            .formatted(receiptNumber, businessDate, current));
        }
        if (soldGiftCard) {
            throw ProblemException.rule("gift-card-sale-not-voidable", "Gift card sold: no post-void",
                    "Sale %s sold or reloaded a gift card, which may already have been spent; it cannot be voided."
                            .formatted(receiptNumber));
        }
        if (hasReturns) {
            throw ProblemException.rule("sale-has-returns", "Sale has returns",
                    "Goods of sale %s were already returned; it cannot be voided. Return the rest instead."
                            .formatted(receiptNumber));
        }
    }

    /**
     * The transition to VOIDED: checks the rules again ({@link #checkVoidable}) and makes the void document,
     * with the cash that goes back out of the drawer (the cash tenders). The sale itself stays as it was sold.
     */
    SaleVoid voided(SaleStatus status, LocalDate current, String voidedBy, String approvedBy, String reason,
            Instant at) {
        checkVoidable(status, current);
        Money cashBack = Money.zero(java.util.Currency.getInstance(currency));
        for (SaleTender t : tenders) {
            if (TenderType.valueOf(t.type) == TenderType.CASH) {
                cashBack = cashBack.plus(Money.of(t.amount, cashBack.currency()));
            }
        }
        return new SaleVoid(receiptNumber, businessDate, registerId, voidedBy, approvedBy, reason, at, total, cashBack);
    }

    /**
     * Counts {@code quantity} of line {@code lineNo} as returned: more than zero (400 {@code invalid-quantity}), of
     * a line the sale has (422 {@code unknown-sale-line}) and never more than is left of it (422
     * {@code return-quantity-exceeded}, with what remains). Called under the sale's lock (lock 4), on the sale as
     * loaded under it; {@link SaleRepository#storeReturn} stores it.
     */
    void recordReturn(int lineNo, int quantity) {
        if (quantity <= 0) {
            throw ProblemException.badRequest("invalid-quantity", "Invalid quantity",
                    "A returned quantity must be more than zero.");
        }
        SaleLine line = lines.stream().filter(l -> l.lineNo == lineNo).findFirst()
                .orElseThrow(() -> ProblemException.rule("unknown-sale-line", "Unknown sale line",
                        "Sale %s has no line %d.".formatted(receiptNumber, lineNo)).with("lineNo", lineNo));
        int left = line.quantity - line.returnedQuantity;
        if (quantity > left) {
            throw ProblemException.rule("return-quantity-exceeded", "Return quantity exceeded",
                    "Line %d of %s: %d asked, only %d left to return.".formatted(lineNo, receiptNumber, quantity, left))
                    .with("lineNo", lineNo).with("remaining", left);
        }
        line.returnedQuantity += quantity;
    }

    /** The sale's total as money. */
    Money totalMoney() {
        return Money.of(total, java.util.Currency.getInstance(currency));
    }

    private static BigDecimal amountOrNull(Money m) {
        return m == null ? null : m.amount();
    }

    /** Once the sale is in the database ({@link SaleRepository#insert} inserts it; loaded ones are there). */
    void markStored() {
        isNew = false;
    }

    UUID id() {
        return id;
    }

    String receiptNumber() {
        return receiptNumber;
    }

    String storeId() {
        return storeId;
    }

    String registerId() {
        return registerId;
    }

    long registerSeq() {
        return registerSeq;
    }

    String drawerId() {
        return drawerId;
    }

    LocalDate businessDate() {
        return businessDate;
    }

    String clerk() {
        return clerk;
    }

    Instant completedAt() {
        return completedAt;
    }

    String currency() {
        return currency;
    }

    BigDecimal subtotal() {
        return subtotal;
    }

    BigDecimal discountTotal() {
        return discountTotal;
    }

    BigDecimal taxTotal() {
        return taxTotal;
    }

    BigDecimal total() {
        return total;
    }

    BigDecimal cashRounding() {
        return cashRounding;
    }

    BigDecimal changeGiven() {
        return changeGiven;
    }

    String loyaltyCard() {
        return loyaltyCard;
    }

    int pointsEarned() {
        return pointsEarned;
    }

    /** What head office answered for the gift card of line {@code lineNo}: the op id and the card's balance. */
    void giftCardDone(int lineNo, String opId, BigDecimal balance) {
        SaleLine line = lines.stream().filter(l -> l.lineNo == lineNo).findFirst().orElseThrow();
        line.giftCardOp = opId;
        line.giftCardBalance = balance;
    }

    List<SaleLine> lines() {
        return lines;
    }

    List<SaleTender> tenders() {
        return tenders;
    }

    List<SalePromotion> promotions() {
        return promotions;
    }

    List<SaleDiscount> discounts() {
        return discounts;
    }
}
