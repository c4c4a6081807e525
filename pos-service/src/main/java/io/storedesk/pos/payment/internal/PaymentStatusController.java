package io.storedesk.pos.payment.internal;

import io.storedesk.pos.common.StoreOnly;
import io.storedesk.pos.payment.CardPayments;
import io.storedesk.pos.payment.PaymentStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/payments/status}: the acquirer link for the desk and for scripts. */
@StoreOnly
@RestController
@RequestMapping("/api/v1/payments")
class PaymentStatusController {

    private final CardPayments payments;

    PaymentStatusController(CardPayments payments) {
        this.payments = payments;
    }

    @GetMapping("/status")
    PaymentStatus status() {
        return payments.status();
    }
}
