package io.storedesk.pos.returns;

import java.time.LocalDate;
import java.util.List;

/** A return was completed; published in the return's transaction. Amounts are strings. */
public record ReturnCompleted(
        String returnNumber,
        String receiptNumber,
        String registerId,
        String drawerId,
        LocalDate businessDate,
        String clerk,
        String currency,
        String refundTotal,
        String cashRounding,
        List<ReturnView.Line> lines,
        List<ReturnView.Refund> refunds) {
}
