package io.storedesk.pos.mail;

import java.util.List;
import java.util.Set;

/**
 * Implemented by a module whose documents are e-mailed: renders an e-mail of one of its documents
 * when the outbox sends it (so what leaves is the document as it is then, e.g. a receipt's PDF).
 */
public interface MailDocuments {

    /** The document kinds this module renders (e.g. SALE, COMPLAINT_RECEIVED). */
    Set<String> documents();

    /** The e-mail of {@code document} number {@code key}; fails if it cannot be rendered now. */
    Message render(String document, String key);

    record Message(String from, String subject, String text, List<Attachment> attachments) {

        public Message {
            attachments = attachments == null ? List.of() : List.copyOf(attachments);
        }
    }

    record Attachment(String filename, byte[] content, String contentType) {
    }
}
