package io.storedesk.pos.sale.internal;

import java.math.BigDecimal;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A sold line; immutable once the sale is complete (returned quantity is counted by returns). */
@Embeddable
class SaleLine {

    @Column(name = "line_no")
    int lineNo;
    String sku;
    String name;
    String department;
    int quantity;
    @Column(name = "unit_price")
    BigDecimal unitPrice;
    @Column(name = "line_value")
    BigDecimal value;
    BigDecimal discount;
    BigDecimal net;
    BigDecimal tax;
    @Column(name = "tax_rate")
    BigDecimal taxRate;
    @Column(name = "tax_letter")
    String taxLetter;
    /** Sold without tax under the sale's tax exemption (issue 24). */
    @Column(name = "tax_exempt")
    boolean taxExempt;
    /** The head-office price list version of the unit price; null = the store's seed price (issue 26). */
    @Column(name = "price_version")
    Long priceVersion;
    /** A gift card sold or reloaded by this line (issue 26): its number masked (never whole), kind, op id, balance. */
    @Column(name = "gift_card")
    String giftCard;
    @Column(name = "gift_card_kind")
    String giftCardKind;
    @Column(name = "gift_card_op")
    String giftCardOp;
    @Column(name = "gift_card_balance")
    BigDecimal giftCardBalance;
    @Column(name = "returned_quantity", insertable = false, updatable = false)
    int returnedQuantity;

    protected SaleLine() {
    }

    SaleLine(int lineNo, String sku, String name, String department, int quantity, BigDecimal unitPrice,
            BigDecimal value, BigDecimal discount, BigDecimal net, BigDecimal tax, BigDecimal taxRate, String taxLetter, Long priceVersion) {
        this.priceVersion = priceVersion;
        this.lineNo = lineNo;
        this.sku = sku;
        this.name = name;
        this.department = department;
        this.quantity = quantity;
        this.unitPrice = unitPrice;
        this.value = value;
        this.discount = discount;
        this.net = net;
        this.tax = tax;
        this.taxRate = taxRate;
        this.taxLetter = taxLetter;
    }
}
