package io.storedesk.pos.mail.internal;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.storedesk.pos.common.RetryDelays;
import io.storedesk.pos.common.StoreOnly;
import io.storedesk.pos.mail.MailDocuments;
import io.storedesk.pos.mail.MailOutbox.Email;
import io.storedesk.pos.mail.MailProperties;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends what the outbox holds due, every {@code pos.mail.poll-interval} (store role only): renders
 * each e-mail through the module that owns its document, sends it by SMTP and marks it SENT; on a
 * failure waits per {@link RetryDelays} ({@code retry-delay} doubling up to
 * {@code max-retry-delay}) and marks it FAILED after {@code max-attempts}.
 */
@StoreOnly
@Component
class MailOutboxSender {

    private static final Logger log = LoggerFactory.getLogger(MailOutboxSender.class);
    private static final int BATCH = 20;

    private final JdbcMailOutbox outbox;
    private final JavaMailSender mail;
    private final MailProperties properties;
    private final Map<String, MailDocuments> renderers = new HashMap<>();

    MailOutboxSender(JdbcMailOutbox outbox, JavaMailSender mail, MailProperties properties, List<MailDocuments> documents) {
        this.outbox = outbox;
        this.mail = mail;
        this.properties = properties;
        for (MailDocuments d : documents) {
            d.documents().forEach(kind -> {
                if (renderers.putIfAbsent(kind, d) != null) {
                    throw new IllegalStateException("two renderers for e-mailed " + kind + " documents");
                }
            });
        }
    }

    @Scheduled(fixedDelayString = "${pos.mail.poll-interval:5s}")
    void sendDue() {
        outbox.due(BATCH).forEach(this::send);
    }

    private void send(Email e) {
        try {
            MailDocuments renderer = renderers.get(e.document());
            if (renderer == null) {
                throw new IllegalStateException("no renderer for " + e.document() + " e-mails");
            }
            MailDocuments.Message m = renderer.render(e.document(), e.key());
            MimeMessage message = mail.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, !m.attachments().isEmpty(), "UTF-8");
            helper.setFrom(m.from());
            helper.setTo(e.to());
            helper.setSubject(m.subject());
            helper.setText(m.text(), false);
            for (MailDocuments.Attachment a : m.attachments()) {
                helper.addAttachment(a.filename(), new ByteArrayResource(a.content()), a.contentType());
            }
            mail.send(message);
            outbox.sent(e.id());
        } catch (Exception failure) {
            int attempts = e.attempts() + 1;
            boolean last = attempts >= properties.maxAttempts();
            String error = String.valueOf(failure.getMessage());
            log.warn("E-mail {} of {} {} failed (attempt {}): {}", e.id(), e.document(), e.key(), attempts, error);
            outbox.failed(e.id(), attempts, last, error, outbox.now().plus(wait(attempts)));
        }
    }

    /** The wait after the {@code attempts}-th failed attempt. */
    Duration wait(int attempts) {
        return RetryDelays.after(attempts, properties.retryDelay(), properties.maxRetryDelay());
    }
}
