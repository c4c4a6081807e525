package io.storedesk.pos.mail;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** Queues e-mails of documents and lists them; the sending is the outbox's own. */
public interface MailOutbox {

    enum Status {
        PENDING, SENT, FAILED, CANCELLED
    }

    record Email(UUID id, String document, String key, String to, Status status, int attempts, String lastError,
            OffsetDateTime createdAt, OffsetDateTime nextAttemptAt, OffsetDateTime sentAt) {
    }

    /**
     * Queues an e-mail of {@code document} number {@code key} to {@code to}, in the caller's
     * transaction (or its own): it is sent only if that transaction commits.
     */
    Email queue(String document, String key, String to, String requestedBy);

    /** The e-mails of document number {@code key} of the given kinds, oldest first. */
    List<Email> of(String key, Collection<String> documents);

    /**
     * Erasure: the e-mails of these documents forget their address; those not sent yet are
     * CANCELLED. In the caller's transaction.
     */
    void erase(Collection<String> keys, Collection<String> documents);
}
