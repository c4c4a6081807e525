package io.storedesk.pos.payment.internal;

import java.util.HashMap;
import java.util.Map;

import io.storedesk.pos.journal.Journal;
import io.storedesk.pos.payment.internal.CardTransactions.CardTransaction;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Journals card events on the register's chain, in the caller's transaction, so the entry
 * commits with the state change it records. The payload has the masked PAN and the acquirer's
 * references, never card data. The actor is the signed-in user, or {@code system} for the
 * background retrier.
 */
@Component
class PaymentJournal {

    static final String AUTHORIZED = "CARD_AUTHORIZED";
    static final String DECLINED = "CARD_DECLINED";
    static final String REFUNDED = "CARD_REFUNDED";
    static final String REFUND_DECLINED = "CARD_REFUND_DECLINED";
    static final String REVERSAL_QUEUED = "CARD_REVERSAL_QUEUED";
    static final String REVERSAL_ACKNOWLEDGED = "CARD_REVERSAL_ACKNOWLEDGED";

    private final Journal journal;

    PaymentJournal(Journal journal) {
        this.journal = journal;
    }

    void record(String type, CardTransaction t, Map<String, String> details) {
        Map<String, Object> payload = new HashMap<>();
        payload.put("kind", t.kind());
        payload.put("terminalId", t.terminalId());
        payload.put("stan", t.stan());
        payload.put("amount", t.amount().toString());
        payload.put("currency", t.amount().currency().getCurrencyCode());
        putIfPresent(payload, "maskedPan", t.maskedPan());
        putIfPresent(payload, "brand", t.brand());
        putIfPresent(payload, "originalReference", t.originalReference());
        putIfPresent(payload, "businessReference", t.businessReference());
        details.forEach((k, v) -> putIfPresent(payload, k, v));
        journal.append(t.registerId(), type, actor(), t.reference(), payload);
    }

    private static void putIfPresent(Map<String, Object> payload, String key, String value) {
        if (value != null) {
            payload.put(key, value);
        }
    }

    private static String actor() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.isAuthenticated() && auth.getName() != null ? auth.getName() : "system";
    }
}
