package io.storedesk.pos.printing.internal;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.storedesk.pos.common.ProblemException;
import io.storedesk.pos.common.StoreProperties;
import io.storedesk.pos.mail.MailDocuments;
import io.storedesk.pos.mail.MailOutbox;
import io.storedesk.pos.printing.documents.PrintingProperties;
import io.storedesk.pos.printing.documents.ReceiptRenderers;
import io.storedesk.pos.sale.SaleReceipts;
import io.storedesk.pos.sale.Sales;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * E-mailed receipts and complaint confirmations, through the mail module's outbox: a request is
 * queued PENDING and answered at once; the outbox sends it later, rendering here at send time the
 * receipt's PDF ({@code SALE}, keyed by receipt number) or the complaint's letter
 * ({@code COMPLAINT_RECEIVED}, {@code COMPLAINT_SETTLED}, keyed by complaint number). Every e-mail of
 * a sale or complaint can be listed with its status and last error.
 */
@Service
class ReceiptMailer implements MailDocuments {

    static final String SALE = "SALE";
    private static final Set<String> DOCUMENTS = Set.of(SALE, "COMPLAINT_RECEIVED", "COMPLAINT_SETTLED");

    private final MailOutbox outbox;
    private final Sales sales;
    private final SaleReceipts receipts;
    private final ReceiptRenderers renderers;
    private final PrintingProperties properties;
    private final StoreProperties store;
    private final ComplaintConfirmations complaints;
    private final LetterPdf letterPdf = new LetterPdf();

    ReceiptMailer(MailOutbox outbox, Sales sales, SaleReceipts receipts, ReceiptRenderers renderers,
            PrintingProperties properties, StoreProperties store, ComplaintConfirmations complaints) {
        this.outbox = outbox;
        this.sales = sales;
        this.receipts = receipts;
        this.renderers = renderers;
        this.properties = properties;
        this.store = store;
        this.complaints = complaints;
    }

    /** An e-mail as the receipt and complaint APIs show it. */
    record Email(UUID id, String receiptNumber, String to, String status, int attempts, String lastError,
            OffsetDateTime createdAt, OffsetDateTime nextAttemptAt, OffsetDateTime sentAt) {

        static Email of(MailOutbox.Email e) {
            return new Email(e.id(), e.key(), e.to(), e.status().name(), e.attempts(), e.lastError(), e.createdAt(),
                    e.nextAttemptAt(), e.sentAt());
        }
    }

    @Transactional
    public Email queue(String receiptNumber, String to, String user) {
        sales.find(receiptNumber).orElseThrow(() -> ProblemException.notFound("Sale", receiptNumber));
        return Email.of(outbox.queue(SALE, receiptNumber, to, user));
    }

    /**
     * Queues a complaint's confirmation ({@code document} COMPLAINT_RECEIVED or COMPLAINT_SETTLED), in the
     * caller's transaction, so it is sent only when the complaint's change commits.
     */
    @Transactional
    public Email queueComplaint(String document, String complaintNumber, String to, String user) {
        return Email.of(outbox.queue(document, complaintNumber, to, user));
    }

    /** The e-mails of a sale or a complaint, oldest first. */
    public List<Email> of(String number) {
        return outbox.of(number, DOCUMENTS).stream().map(Email::of).toList();
    }

    @Override
    public Set<String> documents() {
        return DOCUMENTS;
    }

    @Override
    public Message render(String document, String number) {
        if (SALE.equals(document)) {
            byte[] pdf = renderers.pdf(properties.paper()).render(receipts.of(sales.find(number).orElseThrow(
                    () -> new IllegalStateException("sale " + number + " not found")), true, false));
            return new Message(properties.mail().from(), store.name() + " – " + number,
                    store.name() + "\n" + store.address() + "\n\n" + number,
                    List.of(new Attachment(number + ".pdf", pdf, "application/pdf")));
        }
        ComplaintConfirmations.Kind kind = ComplaintConfirmations.Kind.valueOf(document.substring("COMPLAINT_".length()));
        Letter letter = complaints.of(number, kind);
        return new Message(properties.mail().from(), store.name() + " – " + letter.title() + " " + number,
                String.join("\n", letter.paragraphs()) + "\n\n" + store.name() + "\n" + store.address(),
                List.of(new Attachment(number + "-" + kind.name().toLowerCase() + ".pdf", letterPdf.render(letter),
                        "application/pdf")));
    }
}
