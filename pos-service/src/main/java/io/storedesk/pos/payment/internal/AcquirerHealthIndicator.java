package io.storedesk.pos.payment.internal;

import io.storedesk.pos.common.StoreOnly;
import io.storedesk.pos.payment.CardPayments;
import io.storedesk.pos.payment.PaymentStatus;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The {@code acquirer} component of {@code /actuator/health}: UP when the link is connected and
 * signed on, DOWN otherwise, with the last echo time and the number of reversals waiting. Cash
 * sales go on while it is DOWN; leave it out of a readiness group if a load balancer should
 * keep sending traffic then.
 */
@StoreOnly
@Component
class AcquirerHealthIndicator implements HealthIndicator {

    private final CardPayments payments;

    AcquirerHealthIndicator(CardPayments payments) {
        this.payments = payments;
    }

    @Override
    public Health health() {
        PaymentStatus s;
        try {
            s = payments.status();
        } catch (org.springframework.dao.DataAccessException unreadable) {
            // e.g. the database closed after a full disk: say so instead of failing the whole health page
            return Health.down().withDetail("error", "payment status unavailable: the database cannot be read").build();
        }
        Health.Builder builder = s.connected() && s.signedOn() ? Health.up() : Health.down();
        return builder.withDetail("connected", s.connected())
                .withDetail("signedOn", s.signedOn())
                .withDetail("lastEchoAt", s.lastEchoAt() == null ? "never" : s.lastEchoAt().toString())
                .withDetail("pendingReversals", s.pendingReversals())
                .withDetail("acquirer", s.acquirerHost() + ":" + s.acquirerPort())
                .build();
    }
}
