package io.storedesk.pos.returns;

/** An exchange was completed (its return and sale raise their own events too). Amounts are strings. */
public record ExchangeCompleted(String receiptNumber, String returnNumber, String newReceiptNumber, String currency,
        String returnedValue, String newTotal, String difference, String clerk) {
}
