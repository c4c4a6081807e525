package io.storedesk.pos.returns;

import java.math.BigDecimal;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Return policy ({@code pos.returns.*}). Outside the policy a return is refused with 422 naming
 * the rule, unless a manager approves it.
 *
 * @param windowDays                a sale may be returned without approval up to this many days after its business date
 * @param nonReturnableDepartments  departments whose goods are not taken back without approval (e.g. PHARMACY)
 * @param cashRefundLimit           the most a return pays back in cash without approval; null = no limit. It also
 *                                  holds for the cash refunded for one sale in all, and to one customer (the sale's
 *                                  loyalty card) over {@code cashRefundWindow}
 * @param cashRefundWindow          how far back the cash refunded to one customer counts
 * @param noReceipt                 returns without a receipt
 */
@ConfigurationProperties("pos.returns")
public record ReturnsProperties(@DefaultValue("30") int windowDays,
        @DefaultValue List<String> nonReturnableDepartments,
        BigDecimal cashRefundLimit,
        @DefaultValue NoReceipt noReceipt,
        @DefaultValue("30d") java.time.Duration cashRefundWindow) {

    /**
     * @param priceLookbackDays the refund per unit is the lowest price the item sold at in this many days, or its
     *                          current price if lower
     * @param monthlyLimit      the most one customer gets back without receipts in a calendar month
     */
    public record NoReceipt(@DefaultValue("90") int priceLookbackDays, @DefaultValue("100.00") BigDecimal monthlyLimit) {
    }
}
