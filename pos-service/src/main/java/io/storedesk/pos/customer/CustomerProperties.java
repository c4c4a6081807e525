package io.storedesk.pos.customer;

import java.math.BigDecimal;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The customer care desk ({@code pos.customer.*}).
 *
 * @param goodwillApprovalLimit goodwill (store credit or coupon) above this amount needs a manager's approval,
 *                              and so does goodwill that takes one customer's goodwill over {@code goodwillWindow}
 *                              above it
 * @param historyLimit          at most this many sales are shown in a customer's purchase history
 * @param orderMail             the e-mail telling a customer that their special order has arrived
 * @param goodwillWindow        how far back a customer's earlier goodwill counts against the limit
 */
@ConfigurationProperties("pos.customer")
public record CustomerProperties(@DefaultValue("20.00") BigDecimal goodwillApprovalLimit,
        @DefaultValue("500") int historyLimit, @DefaultValue OrderMail orderMail,
        @DefaultValue("30d") Duration goodwillWindow) {

    /**
     * @param from sender address (how the e-mail is retried: {@code pos.mail.*})
     */
    public record OrderMail(@DefaultValue("orders@storedesk.example") String from) {
    }
}
