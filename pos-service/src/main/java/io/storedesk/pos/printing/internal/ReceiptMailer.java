package io.storedesk.pos.printing.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import io.storedesk.pos.common.ProblemException;
import io.storedesk.pos.common.StoreProperties;
import io.storedesk.pos.printing.PrintingProperties;
import io.storedesk.pos.sale.Sales;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * E-mailed receipts through a persistent outbox: a request is stored PENDING and answered at
 * once; a scheduled sender ({@link ReceiptMailSender}, store role only) renders the PDF and sends it by SMTP, retrying with back-off while
 * the mail server is away, and marks it SENT, or FAILED after the last attempt. Every e-mail of a
 * sale, with its status and last error, can be listed. The same outbox sends the written
 * confirmations of complaints ({@code document} COMPLAINT_RECEIVED or COMPLAINT_SETTLED, keyed by the
 * complaint number).
 */
@Service
class ReceiptMailer {

    private static final Logger log = LoggerFactory.getLogger(ReceiptMailer.class);

    private final JdbcClient jdbc;
    private final Sales sales;
    private final SaleReceipts receipts;
    private final ReceiptRenderers renderers;
    private final JavaMailSender mail;
    private final PrintingProperties properties;
    private final StoreProperties store;
    private final Clock clock;
    private final ComplaintConfirmations complaints;
    private final LetterPdf letterPdf = new LetterPdf();

    ReceiptMailer(JdbcClient jdbc, Sales sales, SaleReceipts receipts, ReceiptRenderers renderers, JavaMailSender mail,
            PrintingProperties properties, StoreProperties store, Clock clock, ComplaintConfirmations complaints) {
        this.complaints = complaints;
        this.jdbc = jdbc;
        this.sales = sales;
        this.receipts = receipts;
        this.renderers = renderers;
        this.mail = mail;
        this.properties = properties;
        this.store = store;
        this.clock = clock;
    }

    record Email(UUID id, String receiptNumber, String to, String status, int attempts, String lastError,
            OffsetDateTime createdAt, OffsetDateTime nextAttemptAt, OffsetDateTime sentAt) {
    }

    @Transactional
    public Email queue(String receiptNumber, String to, String user) {
        sales.find(receiptNumber).orElseThrow(() -> ProblemException.notFound("Sale", receiptNumber));
        UUID id = UUID.randomUUID();
        OffsetDateTime now = now();
        jdbc.sql("INSERT INTO receipt_email (id, receipt_number, recipient, status, attempts, requested_by, created_at, "
                        + "next_attempt_at) VALUES (?, ?, ?, 'PENDING', 0, ?, ?, ?)")
                .params(id, receiptNumber, to, user, now, now).update();
        return new Email(id, receiptNumber, to, "PENDING", 0, null, now, now, null);
    }

    /**
     * Queues a complaint's confirmation ({@code document} COMPLAINT_RECEIVED or COMPLAINT_SETTLED), in the
     * caller's transaction, so it is sent only when the complaint's change commits.
     */
    @Transactional
    public Email queueComplaint(String document, String complaintNumber, String to, String user) {
        UUID id = UUID.randomUUID();
        OffsetDateTime now = now();
        jdbc.sql("INSERT INTO receipt_email (id, receipt_number, recipient, status, attempts, requested_by, created_at, "
                        + "next_attempt_at, document) VALUES (?, ?, ?, 'PENDING', 0, ?, ?, ?, ?)")
                .params(id, complaintNumber, to, user, now, now, document).update();
        return new Email(id, complaintNumber, to, "PENDING", 0, null, now, now, null);
    }

    @Transactional(readOnly = true)
    public List<Email> of(String receiptNumber) {
        return jdbc.sql("SELECT id, receipt_number, recipient, status, attempts, last_error, created_at, next_attempt_at, "
                        + "sent_at FROM receipt_email WHERE receipt_number = ? ORDER BY created_at")
                .param(receiptNumber)
                .query((rs, n) -> new Email(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getInt(5), rs.getString(6), rs.getObject(7, OffsetDateTime.class),
                        rs.getObject(8, OffsetDateTime.class), rs.getObject(9, OffsetDateTime.class)))
                .list();
    }

    /** Sends what is due; {@link ReceiptMailSender} calls it on the store's schedule. */
    void sendDue() {
        List<Due> due = jdbc.sql("SELECT id, receipt_number, recipient, status, attempts, last_error, document "
                        + "FROM receipt_email WHERE status = 'PENDING' AND next_attempt_at <= ? "
                        + "ORDER BY next_attempt_at FETCH FIRST 20 ROWS ONLY")
                .param(now())
                .query((rs, n) -> new Due(new Email(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getInt(5), rs.getString(6), null, null, null), rs.getString(7)))
                .list();
        due.forEach(d -> send(d.email(), d.document()));
    }

    private record Due(Email email, String document) {
    }

    private void send(Email e, String document) {
        try {
            MimeMessage message = mail.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
            helper.setFrom(properties.mail().from());
            helper.setTo(e.to());
            if ("SALE".equals(document)) {
                byte[] pdf = renderers.pdf(properties.paper()).render(receipts.of(sales.find(e.receiptNumber())
                        .orElseThrow(), true, false));
                helper.setSubject(store.name() + " – " + e.receiptNumber());
                helper.setText(store.name() + "\n" + store.address() + "\n\n" + e.receiptNumber(), false);
                helper.addAttachment(e.receiptNumber() + ".pdf", new ByteArrayResource(pdf), "application/pdf");
            } else {
                ComplaintConfirmations.Kind kind = ComplaintConfirmations.Kind.valueOf(
                        document.substring("COMPLAINT_".length()));
                Letter letter = complaints.of(e.receiptNumber(), kind);
                helper.setSubject(store.name() + " – " + letter.title() + " " + e.receiptNumber());
                helper.setText(String.join("\n", letter.paragraphs()) + "\n\n" + store.name() + "\n"
                        + store.address(), false);
                helper.addAttachment(e.receiptNumber() + "-" + kind.name().toLowerCase() + ".pdf",
                        new ByteArrayResource(letterPdf.render(letter)), "application/pdf");
            }
            mail.send(message);
            jdbc.sql("UPDATE receipt_email SET status = 'SENT', attempts = attempts + 1, sent_at = ?, last_error = NULL "
                    + "WHERE id = ?").params(now(), e.id()).update();
        } catch (Exception failure) {
            int attempts = e.attempts() + 1;
            boolean last = attempts >= properties.mail().maxAttempts();
            Duration wait = backOff(attempts);
            String error = String.valueOf(failure.getMessage());
            log.warn("Receipt e-mail {} for {} failed (attempt {}): {}", e.id(), e.receiptNumber(), attempts, error);
            jdbc.sql("UPDATE receipt_email SET status = ?, attempts = ?, last_error = ?, next_attempt_at = ? WHERE id = ?")
                    .params(last ? "FAILED" : "PENDING", attempts, error.length() > 500 ? error.substring(0, 500) : error,
                            now().plus(wait), e.id())
                    .update();
        }
    }

    private Duration backOff(int attempts) {
        Duration wait = properties.mail().retryDelay().multipliedBy(1L << Math.min(attempts - 1, 16));
        return wait.compareTo(properties.mail().maxRetryDelay()) > 0 ? properties.mail().maxRetryDelay() : wait;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock.withZone(ZoneOffset.UTC));
    }
}
