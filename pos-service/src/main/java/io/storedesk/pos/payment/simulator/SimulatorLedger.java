package io.storedesk.pos.payment.simulator;

import java.util.HashMap;
import java.util.Map;

/**
 * What the simulated acquirer remembers in memory: every financial request it saw, by terminal,
 * STAN and field 7 (what field 90 of a reversal points at), and approved purchases by RRN (what
 * a refund points at), with the amount still refundable. Amounts are minor units.
 */
final class SimulatorLedger {

    record Key(String terminal, String stan, String transmitted) {
    }

    /** One financial transaction; {@code purchase} is set for refunds. */
    static final class Entry {
        final String processingCode;
        final String merchant;
        final long amount;
        final Entry purchase;
        String rrn;
        boolean approved;
        boolean reversed;
        long remaining;

        Entry(String processingCode, String merchant, long amount, Entry purchase) {
            this.processingCode = processingCode;
            this.merchant = merchant;
            this.amount = amount;
            this.purchase = purchase;
            this.remaining = amount;
        }

        boolean isPurchase() {
            return purchase == null;
        }
    }

    private final Map<Key, Entry> byKey = new HashMap<>();
    private final Map<String, Entry> purchasesByRrn = new HashMap<>();

    boolean contains(Key key) {
        return byKey.containsKey(key);
    }

    Entry find(Key key) {
        return byKey.get(key);
    }

    Entry purchaseByRrn(String rrn) {
        return purchasesByRrn.get(rrn);
    }

    void record(Key key, Entry entry) {
        byKey.put(key, entry);
        if (entry.isPurchase() && entry.approved && entry.rrn != null) {
            purchasesByRrn.put(entry.rrn, entry);
        }
    }
}
