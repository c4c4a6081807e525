package io.storedesk.pos.payment;

import java.time.OffsetDateTime;

/**
 * The acquirer link as the payment module sees it.
 *
 * @param connected        the TCP link is up
 * @param signedOn         the last sign-on or echo (0800) was answered with 00
 * @param lastEchoAt       when the acquirer last answered an 0800; null if never
 * @param pendingReversals reversals queued and not yet acknowledged by an 0410
 */
public record PaymentStatus(boolean connected, boolean signedOn, OffsetDateTime lastEchoAt, long pendingReversals,
        String acquirerHost, int acquirerPort) {
}
