package io.storedesk.pos.printing.internal;

import io.storedesk.pos.cases.ComplaintReceived;
import io.storedesk.pos.cases.ComplaintSettled;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * E-mails a complaint's confirmations to a customer who asked to be told by e-mail, through the
 * receipt e-mail outbox: queued in the transaction that received or settled the complaint (a
 * synchronous listener), so an e-mail leaves only for a change that committed.
 */
@Component
class ComplaintMail {

    private final ReceiptMailer mailer;

    ComplaintMail(ReceiptMailer mailer) {
        this.mailer = mailer;
    }

    @EventListener
    void on(ComplaintReceived e) {
        if (e.email() != null) {
            mailer.queueComplaint("COMPLAINT_RECEIVED", e.complaintNumber(), e.email(), e.receivedBy());
        }
    }

    @EventListener
    void on(ComplaintSettled e) {
        if (e.email() != null) {
            mailer.queueComplaint("COMPLAINT_SETTLED", e.complaintNumber(), e.email(), e.settledBy());
        }
    }
}
