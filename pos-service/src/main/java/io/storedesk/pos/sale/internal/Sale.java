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
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;
import jakarta.persistence.PostLoad;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;

/**
 * A completed sale. Created complete by {@link #complete}, never changed after: corrections
 * are new documents (post-void, return) that point at it. The sale decides whether it may be
 * post-voided ({@link #checkVoidable}) and makes the void document ({@link #voided}).
 */
@Entity
@Table(name = "sale")
class Sale {

    @Id
    private UUID id;
    @Column(name = "receipt_number")
    private String receiptNumber;
    @Column(name = "store_id")
    private String storeId;
    @Column(name = "register_id")
    private String registerId;
    @Column(name = "register_seq")
    private long registerSeq;
    @Column(name = "drawer_id")
    private String drawerId;
    @Column(name = "business_date")
    private LocalDate businessDate;
    private String clerk;
    @Column(name = "completed_at")
    private Instant completedAt;
    private String currency;
    private BigDecimal subtotal;
    @Column(name = "discount_total")
    private BigDecimal discountTotal;
    @Column(name = "tax_total")
    private BigDecimal taxTotal;
    private BigDecimal total;
    @Column(name = "cash_rounding")
    private BigDecimal cashRounding;
    @Column(name = "change_given")
    private BigDecimal changeGiven;
    @Column(name = "loyalty_card")
    private String loyaltyCard;
    @Column(name = "points_earned")
    private int pointsEarned;
    @Column(name = "tax_exempt_reason")
    private String taxExemptReason;
    @Column(name = "tax_exempt_document")
    private String taxExemptDocument;
    @Column(name = "tax_exempt_approved_by")
    private String taxExemptApprovedBy;
    @Column(name = "tax_not_charged")
    private BigDecimal taxNotCharged;

    @ElementCollection
    @CollectionTable(name = "sale_line", joinColumns = @JoinColumn(name = "sale_id"))
    @OrderBy("lineNo")
    private List<SaleLine> lines = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "sale_tender", joinColumns = @JoinColumn(name = "sale_id"))
    @OrderBy("tenderNo")
    private List<SaleTender> tenders = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "sale_promotion",
            joinColumns = @JoinColumn(name = "receipt_number", referencedColumnName = "receipt_number"))
    @OrderBy("seq")
    private List<SalePromotion> promotions = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "sale_discount",
            joinColumns = @JoinColumn(name = "receipt_number", referencedColumnName = "receipt_number"))
    @OrderBy("seq")
    private List<SaleDiscount> discounts = new ArrayList<>();

    @Transient
    private boolean isNew;

    protected Sale() {
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

    /** The sale's total as money. */
    Money totalMoney() {
        return Money.of(total, java.util.Currency.getInstance(currency));
    }

    private static BigDecimal amountOrNull(Money m) {
        return m == null ? null : m.amount();
    }

    /** Once the sale is in the database ({@link SaleWriter} inserts it; loaded ones are there). */
    @PostLoad
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
