package io.storedesk.pos.sale;

import java.math.BigDecimal;

import io.storedesk.pos.common.Money;

/**
 * A basket line with its price worked out.
 *
 * @param value    unit price x quantity, before discounts
 * @param discount discount allocated to this line
 * @param net      what the customer pays for the line, tax included: the amount a return refunds
 * @param tax      the tax in {@code net}
 * @param priceVersion the head-office price list version of the item's price; null = the store's seed price
 * @param giftCard     the gift card this line sells or reloads (issue 26), else null
 */
public record PricedLine(int lineNo, String sku, String name, String department, int quantity, Money unitPrice,
        Money value, Money discount, Money net, Money tax, BigDecimal taxRate, String taxLetter, Long priceVersion,
        GiftCardLoad giftCard) {

    /** A gift card to activate or reload: its number (card data: never logged or stored whole), kind and amount. */
    public record GiftCardLoad(@io.storedesk.pos.common.CardData String number, String kind, Money amount) {

        @Override
        public String toString() {
            return "GiftCardLoad[****, " + kind + ", " + amount + "]";
        }
    }

    public PricedLine(int lineNo, String sku, String name, String department, int quantity, Money unitPrice,
            Money value, Money discount, Money net, Money tax, BigDecimal taxRate, String taxLetter, Long priceVersion) {
        this(lineNo, sku, name, department, quantity, unitPrice, value, discount, net, tax, taxRate, taxLetter,
                priceVersion, null);
    }

    public PricedLine(int lineNo, String sku, String name, String department, int quantity, Money unitPrice,
            Money value, Money discount, Money net, Money tax, BigDecimal taxRate, String taxLetter) {
        this(lineNo, sku, name, department, quantity, unitPrice, value, discount, net, tax, taxRate, taxLetter, null);
    }
}
