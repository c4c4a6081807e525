package io.storedesk.pos.payment.simulator;

import static io.storedesk.pos.payment.simulator.FieldChecks.absent;
import static io.storedesk.pos.payment.simulator.FieldChecks.present;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

import io.storedesk.pos.payment.simulator.SimulatorLedger.Entry;
import io.storedesk.pos.payment.simulator.SimulatorLedger.Key;
import org.jpos.iso.ISOException;
import org.jpos.iso.ISOMsg;

/**
 * How the simulated acquirer answers, one request at a time: 0200 purchase (processing code
 * 00) and refund (20, by RRN), 0400/0401 reversal (by field 90), 0800 network management.
 * Format errors and missing mandatory fields give 30, references to unknown or unusable
 * originals 12, amounts beyond the original 13, a repeated STAN 94; see {@link MagicAmounts}
 * for the amounts that decline, delay or drop.
 */
final class AcquirerRules {

    /** What to do with a request: the reply and how to deliver it. */
    record Decision(ISOMsg reply, MagicAmounts.Action action) {
    }

    private static final int[] PURCHASE_FIELDS = { 3, 4, 7, 11, 12, 13, 22, 25, 41, 42, 49 };
    private static final int[] REFUND_FIELDS = { 3, 4, 7, 11, 12, 13, 25, 37, 41, 42, 49 };
    private static final int[] REVERSAL_FIELDS = { 3, 4, 7, 11, 41, 42, 49, 90 };
    private static final int[] CARD_FIELDS = { 2, 14, 35, 45, 52 };

    private final SimulatorLedger ledger = new SimulatorLedger();
    private final AtomicLong sequence = new AtomicLong((System.currentTimeMillis() / 1000) % 1_000_000 * 1_000);

    synchronized Decision decide(ISOMsg m) throws ISOException {
        return switch (m.getMTI()) {
            case "0200" -> financial(m);
            case "0400", "0401" -> answer(m, reversal(m));
            case "0800" -> answer(m, present(m, 7, 11, 70) && FieldChecks.transmission(m.getString(7))
                    && FieldChecks.digits(m.getString(11), 6)
                    && java.util.Set.of("001", "002", "301").contains(m.getString(70)) ? "00" : "30");
            default -> answer(m, "12");
        };
    }

    private Decision financial(ISOMsg m) throws ISOException {
        String processingCode = m.getString(3);
        if (!FieldChecks.digits(processingCode, 6)) {
            return answer(m, "30");
        }
        boolean refund = processingCode.startsWith("20");
        if (!refund && !processingCode.startsWith("00")) {
            return answer(m, "12");
        }
        String format = refund ? refundFormat(m) : purchaseFormat(m);
        if (format != null) {
            return answer(m, format);
        }
        Key key = new Key(m.getString(41), m.getString(11), m.getString(7));
        if (ledger.contains(key)) {
            return answer(m, "94");
        }
        long amount = Long.parseLong(m.getString(4));
        Entry purchase = null;
        if (refund) {
            purchase = ledger.purchaseByRrn(m.getString(37));
            if (purchase == null || purchase.reversed || !purchase.merchant.equals(m.getString(42))) {
                return answer(m, "12");
            }
            if (amount > purchase.remaining) {
                return answer(m, "13");
            }
        }
        Entry entry = new Entry(processingCode, m.getString(42), amount, purchase);
        MagicAmounts.Outcome outcome = MagicAmounts.of(amount);
        if (outcome.approves()) {
            entry.approved = true;
            entry.rrn = "%012d".formatted(sequence.incrementAndGet() % 1_000_000_000_000L);
            if (purchase != null) {
                purchase.remaining -= amount;
            }
        }
        ledger.record(key, entry);
        ISOMsg reply = reply(m, outcome.responseCode());
        if (outcome.approves()) {
            reply.set(37, entry.rrn);
            reply.set(38, "%06d".formatted(100_000 + sequence.get() % 900_000));
        }
        return new Decision(reply, outcome.action());
    }

    private static String purchaseFormat(ISOMsg m) {
        boolean keyed = m.hasField(2);
        if (!present(m, PURCHASE_FIELDS) || (keyed ? !present(m, 14) : !present(m, 35)) || !common(m)
                || !FieldChecks.digits(m.getString(22), 3) || !FieldChecks.digits(m.getString(25), 2)) {
            return "30";
        }
        if (keyed ? !FieldChecks.pan(m.getString(2)) || !FieldChecks.expiry(m.getString(14))
                : !FieldChecks.track2(m.getString(35))) {
            return "30";
        }
        String pan = keyed ? m.getString(2) : FieldChecks.track2Pan(m.getString(35));
        String expiry = keyed ? m.getString(14) : FieldChecks.track2Expiry(m.getString(35));
        if (!FieldChecks.luhn(pan)) {
            return "14";
        }
        return FieldChecks.expired(expiry, LocalDate.now(ZoneOffset.UTC)) ? "54" : null;
    }

    private static String refundFormat(ISOMsg m) {
        boolean ok = present(m, REFUND_FIELDS) && absent(m, CARD_FIELDS) && common(m)
                && FieldChecks.digits(m.getString(25), 2) && m.getString(37).trim().length() == 12;
        return ok ? null : "30";
    }

    private static boolean common(ISOMsg m) {
        return FieldChecks.amount(m.getString(4)) && FieldChecks.transmission(m.getString(7))
                && FieldChecks.digits(m.getString(11), 6) && FieldChecks.time(m.getString(12))
                && FieldChecks.monthDay(m.getString(13)) && FieldChecks.text(m.getString(41), 8)
                && FieldChecks.text(m.getString(42), 15) && FieldChecks.currency(m.getString(49));
    }

    private String reversal(ISOMsg m) {
        if (!present(m, REVERSAL_FIELDS) || !absent(m, CARD_FIELDS) || !FieldChecks.amount(m.getString(4))
                || !FieldChecks.transmission(m.getString(7)) || !FieldChecks.digits(m.getString(11), 6)
                || !FieldChecks.text(m.getString(41), 8) || !FieldChecks.text(m.getString(42), 15)
                || !FieldChecks.currency(m.getString(49)) || !FieldChecks.digits(m.getString(90), 42)) {
            return "30";
        }
        String original = m.getString(90);
        if (!"0200".equals(original.substring(0, 4))) {
            return "12";
        }
        Entry entry = ledger.find(new Key(m.getString(41), original.substring(4, 10), original.substring(10, 20)));
        if (entry == null || !entry.processingCode.equals(m.getString(3))) {
            return "12";
        }
        if (entry.amount != Long.parseLong(m.getString(4))) {
            return "13";
        }
        if (entry.approved && !entry.reversed) {
            entry.reversed = true;
            if (!entry.isPurchase()) {
                entry.purchase.remaining += entry.amount;
            }
        }
        return "00";
    }

    private static Decision answer(ISOMsg m, String responseCode) throws ISOException {
        return new Decision(reply(m, responseCode), MagicAmounts.Action.ANSWER);
    }

    /** The request echoed as its response (MTI +10, origin 0), without card data, with field 39. */
    private static ISOMsg reply(ISOMsg m, String responseCode) throws ISOException {
        ISOMsg r = (ISOMsg) m.clone();
        String mti = m.getMTI();
        r.setMTI(mti.substring(0, 2) + (char) (mti.charAt(2) + 1) + "0");
        r.unset(CARD_FIELDS);
        r.set(39, responseCode);
        return r;
    }
}
