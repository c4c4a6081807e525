package io.storedesk.pos.loyalty.internal;

import java.time.Instant;

/** A loyalty account as stored: the holder and head office's last balance snapshot. */
record Account(String card, String customerId, String holderName, String tier, long snapshotBalance,
        Instant snapshotAt) {
}
