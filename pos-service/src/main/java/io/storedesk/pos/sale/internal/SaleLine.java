package io.storedesk.pos.sale.internal;

import java.math.BigDecimal;

/** A sold line; immutable once the sale is complete, but for the quantity returned ({@link Sale#recordReturn}). */
class SaleLine {

    int lineNo;
    String sku;
    String name;
    String department;
    int quantity;
    BigDecimal unitPrice;
    BigDecimal value;
    BigDecimal discount;
    BigDecimal net;
    BigDecimal tax;
    BigDecimal taxRate;
    String taxLetter;
    /** Sold without tax under the sale's tax exemption (issue 24). */
    boolean taxExempt;
    /** The head-office price list version of the unit price; null = the store's seed price (issue 26). */
    Long priceVersion;
    /** A gift card sold or reloaded by this line (issue 26): its number masked (never whole), kind, op id, balance. */
    String giftCard;
    String giftCardKind;
    String giftCardOp;
    BigDecimal giftCardBalance;
    int returnedQuantity;

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
