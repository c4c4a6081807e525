package io.storedesk.pos.sale.internal;

import java.math.BigDecimal;
import java.util.List;

import io.storedesk.pos.common.Amounts;
import io.storedesk.pos.common.Money;
import io.storedesk.pos.common.ProblemException;
import io.storedesk.pos.common.StoreProperties;
import io.storedesk.pos.sale.PricedLine;
import io.storedesk.pos.sale.SaleOrder;
import io.storedesk.pos.sale.TenderType;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Gift cards sold or reloaded at the till as sale lines (issue 26, docs/api-contract.md "Gift-card lines"):
 * the line sells {@code pos.gift-cards.sku} (default {@code GIFT-CARD}) for the amount asked, between
 * {@code pos.gift-cards.min} and {@code pos.gift-cards.max} of the store's currency (defaults 5.00 and 500.00),
 * without tax (a multi-purpose voucher: the tax is due when it is spent), promotions, discounts, loyalty points or
 * stock. A gift card cannot buy a gift card.
 */
@Component
class GiftCardLines {

    static final String DEPARTMENT = "GIFT_CARD";
    /** The tax letter of a gift-card line: outside the tax table (a voucher, taxed when spent). */
    static final String LETTER = "V";

    private final String sku;
    private final Money min;
    private final Money max;

    GiftCardLines(StoreProperties store, @Value("${pos.gift-cards.sku:GIFT-CARD}") String sku,
            @Value("${pos.gift-cards.min:5.00}") String min, @Value("${pos.gift-cards.max:500.00}") String max) {
        this.sku = sku;
        this.min = Amounts.parse(min, store.currency(), "pos.gift-cards.min");
        this.max = Amounts.parse(max, store.currency(), "pos.gift-cards.max");
        if (!this.min.isPositive() || this.max.compareTo(this.min) < 0) {
            throw new IllegalStateException("pos.gift-cards.min must be more than zero and at most pos.gift-cards.max");
        }
    }

    /** The priced line of gift card line {@code lineNo} (the request's {@code index}, from 0). */
    PricedLine price(int lineNo, int index, SaleOrder.GiftCard card, Money zero) {
        Money amount = Amounts.parse(card.amount(), zero.currency(), "lines[%d].giftCard.amount".formatted(index));
        if (amount.compareTo(min) < 0 || amount.compareTo(max) > 0) {
            throw ProblemException.rule("gift-card-amount-out-of-range", "Gift card amount out of range",
                    "A gift card is sold or reloaded for %s to %s; %s was asked.".formatted(min, max, amount))
                    .with("min", min.toString()).with("max", max.toString()).with("amount", amount.toString());
        }
        return new PricedLine(lineNo, sku, "ACTIVATE".equals(card.kind()) ? "Gift card" : "Gift card reload",
                DEPARTMENT, 1, amount, amount, zero, amount, zero, BigDecimal.ZERO, LETTER, null,
                new PricedLine.GiftCardLoad(card.number(), card.kind(), amount));
    }

    /** 422 {@code gift-card-buys-gift-card} when a sale with gift-card lines is paid, even partly, by a gift card. */
    static void requireNotPaidByGiftCard(List<PricedLine> lines, List<SaleOrder.Tender> tenders) {
        if (tenders != null && lines.stream().anyMatch(l -> l.giftCard() != null)
                && tenders.stream().anyMatch(t -> t.type() == TenderType.GIFT_CARD)) {
            throw ProblemException.rule("gift-card-buys-gift-card", "A gift card cannot buy a gift card",
                    "This sale sells or reloads a gift card: pay it without a gift card.");
        }
    }
}
