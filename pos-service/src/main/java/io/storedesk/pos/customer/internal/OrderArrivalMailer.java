package io.storedesk.pos.customer.internal;

import io.storedesk.pos.common.StoreOnly;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import io.storedesk.pos.common.StoreProperties;
import io.storedesk.pos.customer.CustomerProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends the "your order has arrived" e-mails from their outbox (rows written with the arrival):
 * a scheduled sender sends what is due by SMTP, retrying with back-off while the mail server is
 * away, and marks each SENT, or FAILED after the last attempt (it stays listed on the order).
 */
@StoreOnly
@Component
class OrderArrivalMailer {

    private static final Logger log = LoggerFactory.getLogger(OrderArrivalMailer.class);

    private final JdbcClient jdbc;
    private final SpecialOrderStore orders;
    private final JavaMailSender mail;
    private final CustomerProperties properties;
    private final StoreProperties store;
    private final Clock clock;

    OrderArrivalMailer(JdbcClient jdbc, SpecialOrderStore orders, JavaMailSender mail, CustomerProperties properties,
            StoreProperties store, Clock clock) {
        this.jdbc = jdbc;
        this.orders = orders;
        this.mail = mail;
        this.properties = properties;
        this.store = store;
        this.clock = clock;
    }

    private record Due(UUID id, String orderNumber, String to, int attempts) {
    }

    @Scheduled(fixedDelayString = "${pos.customer.order-mail.poll-interval:5s}")
    void sendDue() {
        List<Due> due = jdbc.sql("SELECT e.id, o.order_number, e.recipient, e.attempts FROM special_order_email e "
                        + "JOIN special_order o ON o.id = e.order_id WHERE e.status = 'PENDING' AND e.next_attempt_at <= ? "
                        + "ORDER BY e.next_attempt_at FETCH FIRST 20 ROWS ONLY")
                .param(now())
                .query((rs, n) -> new Due(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getInt(4)))
                .list();
        due.forEach(this::send);
    }

    private void send(Due e) {
        try {
            SpecialOrderView order = orders.find(e.orderNumber(), false).orElseThrow().view();
            SimpleMailMessage message = new SimpleMailMessage();
            message.setFrom(properties.orderMail().from());
            message.setTo(e.to());
            message.setSubject(store.name() + " – your order " + order.orderNumber() + " has arrived");
            message.setText(text(order));
            mail.send(message);
            jdbc.sql("UPDATE special_order_email SET status = 'SENT', attempts = attempts + 1, sent_at = ?, "
                    + "last_error = NULL WHERE id = ?").params(now(), e.id()).update();
        } catch (Exception failure) {
            int attempts = e.attempts() + 1;
            boolean last = attempts >= properties.orderMail().maxAttempts();
            String error = String.valueOf(failure.getMessage());
            log.warn("Arrival e-mail {} for {} failed (attempt {}): {}", e.id(), e.orderNumber(), attempts, error);
            jdbc.sql("UPDATE special_order_email SET status = ?, attempts = ?, last_error = ?, next_attempt_at = ? "
                            + "WHERE id = ?")
                    .params(last ? "FAILED" : "PENDING", attempts, error.length() > 500 ? error.substring(0, 500) : error,
                            now().plus(backOff(attempts)), e.id())
                    .update();
        }
    }

    private String text(SpecialOrderView order) {
        StringBuilder text = new StringBuilder();
        text.append("Your order ").append(order.orderNumber()).append(" has arrived and is waiting for you at ")
                .append(store.name()).append(", ").append(store.address()).append(".\n\n");
        order.lines().forEach(l -> text.append(l.quantity()).append(" x ").append(l.name()).append('\n'));
        text.append("\nDeposit paid: ").append(order.deposit().amount()).append(' ').append(order.currency())
                .append("\nTo pay at pickup: ").append(order.balance()).append(' ').append(order.currency())
                .append('\n');
        return text.toString();
    }

    private Duration backOff(int attempts) {
        CustomerProperties.OrderMail m = properties.orderMail();
        Duration wait = m.retryDelay().multipliedBy(1L << Math.min(attempts - 1, 16));
        return wait.compareTo(m.maxRetryDelay()) > 0 ? m.maxRetryDelay() : wait;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock.withZone(ZoneOffset.UTC));
    }
}
