package io.storedesk.pos.returns;

import java.time.LocalDate;
import java.util.Map;

import io.storedesk.pos.common.Money;

/**
 * Read-only figures about the returns of a range of business days (both ends included), for
 * reports. Amounts are money in the store's currency, each rounded once when summed.
 */
public interface ReturnActivity {

    ReturnSummary summary(LocalDate from, LocalDate to);

    /**
     * @param refunded       what the returns refunded in all (their refund totals)
     * @param cashRounding   what cash rounding of the refunds added to the lines' refunds
     * @param byReason       reason -> returned lines, units and their refunds (before cash rounding)
     * @param byClerk        clerk who took the returns -> how many returns and their refund totals
     * @param byRefundTender refund tender (CASH, CARD, STORE_CREDIT...) -> amount paid back
     */
    record ReturnSummary(long count, Money refunded, Money cashRounding, Map<String, ReasonFigures> byReason,
            Map<String, ClerkFigures> byClerk, Map<String, Money> byRefundTender) {
    }

    /** Returned lines of one reason, their units and what they refunded (before cash rounding). */
    record ReasonFigures(long lines, long quantity, Money amount) {
    }

    /** Returns a clerk took and their refund totals. */
    record ClerkFigures(long count, Money amount) {
    }
}
