package io.storedesk.pos.common;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Identifiers for rows that are written once and keyed by their id: UUIDs of version 7 (RFC 9562),
 * whose first 48 bits are the creation time in milliseconds. New rows then land at the end of
 * their table's primary key and of the indexes that start with it, instead of at a random place:
 * the database touches one hot page per table rather than a different page for every sale, which
 * keeps its write volume and cache misses flat as the tables grow.
 */
public final class Ids {

    private Ids() {
    }

    /** A new version 7 UUID: unique, and ordered by creation time to the millisecond. */
    public static UUID timeOrdered() {
        return timeOrdered(System.currentTimeMillis());
    }

    static UUID timeOrdered(long epochMillis) {
        byte[] random = new byte[10];
        ThreadLocalRandom.current().nextBytes(random); // ids, not secrets: unique is enough
        long msb = (epochMillis & 0xFFFF_FFFF_FFFFL) << 16 | 0x7000L | ((random[0] & 0x0FL) << 8) | (random[1] & 0xFFL);
        long lsb = 0;
        for (int i = 2; i < 10; i++) {
            lsb = lsb << 8 | (random[i] & 0xFFL);
        }
        lsb = lsb & 0x3FFF_FFFF_FFFF_FFFFL | 0x8000_0000_0000_0000L;
        return new UUID(msb, lsb);
    }
}
