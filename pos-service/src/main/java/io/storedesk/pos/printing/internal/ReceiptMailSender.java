package io.storedesk.pos.printing.internal;

import io.storedesk.pos.common.StoreOnly;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Polls the receipt e-mail outbox every {@code pos.printing.mail.poll-interval}; in the store role only. */
@StoreOnly
@Component
class ReceiptMailSender {

    private final ReceiptMailer mailer;

    ReceiptMailSender(ReceiptMailer mailer) {
        this.mailer = mailer;
    }

    @Scheduled(fixedDelayString = "${pos.printing.mail.poll-interval:5s}")
    void sendDue() {
        mailer.sendDue();
    }
}
