package io.storedesk.pos.payment.internal;

import io.storedesk.pos.common.Money;
import io.storedesk.pos.payment.AcquirerUnavailableException;
import io.storedesk.pos.payment.CardAuthorization;
import io.storedesk.pos.payment.CardPayments;
import io.storedesk.pos.payment.CardPurchase;
import io.storedesk.pos.payment.CardRefund;
import io.storedesk.pos.payment.PaymentStatus;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The card-payment port in the head-office role, which has no acquirer link (no Q2, no simulator,
 * no reversal retrier, no echo): nothing is ever sent, so every charge or refund is refused as
 * with the link down (503 {@code card-acquirer-unavailable}) and nothing needs reversing.
 */
@Component
@ConditionalOnProperty(name = "pos.role", havingValue = "head-office")
class NoCardPayments implements CardPayments {

    @Override
    public CardAuthorization purchase(CardPurchase request) {
        throw new AcquirerUnavailableException();
    }

    @Override
    public CardAuthorization authorize(CardPurchase request) {
        throw new AcquirerUnavailableException();
    }

    @Override
    public void confirm(CardAuthorization authorization) {
        throw new AcquirerUnavailableException();
    }

    @Override
    public CardRefund refund(String originalReference, Money amount, String registerId, String returnReference) {
        throw new AcquirerUnavailableException();
    }

    @Override
    public void reverse(CardAuthorization authorization, String reason) {
        throw new AcquirerUnavailableException();
    }

    @Override
    public void reverse(String reference, String reason) {
        throw new AcquirerUnavailableException();
    }

    @Override
    public void reverseOnCommit(String reference, String reason) {
        throw new AcquirerUnavailableException();
    }

    @Override
    public PaymentStatus status() {
        return new PaymentStatus(false, false, null, 0, "", 0);
    }
}
