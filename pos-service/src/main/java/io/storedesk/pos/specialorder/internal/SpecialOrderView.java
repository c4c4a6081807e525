package io.storedesk.pos.specialorder.internal;

import java.time.OffsetDateTime;
import java.util.List;

import io.storedesk.pos.sale.SaleView;

/**
 * A special (customer) order as the API shows it. {@code quotedTotal} is what the goods cost when
 * ordered; the pickup sale prices them again, and {@code balance} is what was then left to pay
 * after the deposit.
 */
public record SpecialOrderView(String orderNumber, String status, String customerId, String currency,
        List<Line> lines, String quotedTotal, Deposit deposit, String balance, String note, String orderedBy,
        OffsetDateTime orderedAt, String arrivedBy, OffsetDateTime arrivedAt, String pickedUpBy,
        OffsetDateTime pickedUpAt, String receiptNumber, String cancelledBy, OffsetDateTime cancelledAt,
        String cancelReason, Refund refund, List<Email> emails) {

    public record Line(int lineNo, String sku, String name, int quantity, String unitPrice) {
    }

    public record Deposit(String type, String amount, String maskedPan, String drawerId, String registerId) {
    }

    /** How a cancelled order's deposit went back: CASH out of a drawer, or CARD (refund reference). */
    public record Refund(String type, String amount, String reference) {
    }

    /** An arrival e-mail: PENDING, SENT or FAILED, with attempts and the last error. */
    public record Email(String to, String status, int attempts, String lastError, OffsetDateTime sentAt) {
    }

    SpecialOrderView withEmails(List<Email> list) {
        return new SpecialOrderView(orderNumber, status, customerId, currency, lines, quotedTotal, deposit, balance,
                note, orderedBy, orderedAt, arrivedBy, arrivedAt, pickedUpBy, pickedUpAt, receiptNumber, cancelledBy,
                cancelledAt, cancelReason, refund, list);
    }

    /** The answer to a pickup: the order, now PICKED_UP, and the sale that charged the balance. */
    public record Pickup(SpecialOrderView order, SaleView sale) {
    }
}
