package io.storedesk.pos.customer;

import java.math.BigDecimal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The customer care desk ({@code pos.customer.*}).
 *
 * @param goodwillApprovalLimit goodwill (store credit or coupon) above this amount needs a manager's approval
 * @param historyLimit          at most this many sales are shown in a customer's purchase history
 */
@ConfigurationProperties("pos.customer")
public record CustomerProperties(@DefaultValue("20.00") BigDecimal goodwillApprovalLimit,
        @DefaultValue("500") int historyLimit) {
}
