package io.storedesk.pos.payment.internal;

import java.util.Map;

import io.storedesk.pos.payment.internal.CardTransactions.CardTransaction;
import org.jpos.iso.ISOException;
import org.jpos.iso.ISOMsg;

/**
 * What a reply to a 0200 means. Approved needs response code 00, an RRN and an authorisation
 * code, and the same amount if the acquirer echoes it; declined is any other well-formed code.
 * No reply, or one that does not add up, leaves the outcome unknown: the caller reverses.
 */
record AcquirerReply(Kind kind, String responseCode, String authCode, String rrn, String problem) {

    enum Kind {
        APPROVED, DECLINED, UNKNOWN
    }

    private static final Map<String, String> REASONS = Map.ofEntries(
            Map.entry("01", "Refer to card issuer"),
            Map.entry("03", "Invalid merchant"),
            Map.entry("04", "Pick up card"),
            Map.entry("05", "Do not honour"),
            Map.entry("12", "Invalid transaction"),
            Map.entry("13", "Invalid amount"),
            Map.entry("14", "Invalid card number"),
            Map.entry("30", "Format error"),
            Map.entry("41", "Lost card"),
            Map.entry("43", "Stolen card"),
            Map.entry("51", "Insufficient funds"),
            Map.entry("54", "Expired card"),
            Map.entry("55", "Incorrect PIN"),
            Map.entry("57", "Transaction not permitted to cardholder"),
            Map.entry("58", "Transaction not permitted to terminal"),
            Map.entry("61", "Exceeds withdrawal amount limit"),
            Map.entry("62", "Restricted card"),
            Map.entry("65", "Exceeds withdrawal frequency limit"),
            Map.entry("91", "Issuer or switch inoperative"),
            Map.entry("94", "Duplicate transmission"),
            Map.entry("96", "System malfunction"));

    static AcquirerReply of(ISOMsg reply, CardTransaction request) {
        if (reply == null) {
            return unknown("no reply within the timeout");
        }
        String mti;
        try {
            mti = reply.getMTI();
        } catch (ISOException e) {
            return unknown("reply without an MTI");
        }
        String rc = reply.getString(39);
        if (!"0210".equals(mti) || rc == null || !rc.matches("[0-9A-Z]{2}")) {
            return unknown("malformed reply");
        }
        String amount = reply.getString(4);
        if (amount != null && (!amount.matches("[0-9]{1,12}") || Long.parseLong(amount) != request.amount().minorUnits())) {
            return unknown("reply for another amount");
        }
        if (!"00".equals(rc)) {
            return new AcquirerReply(Kind.DECLINED, rc, null, null, null);
        }
        String rrn = trimmed(reply.getString(37));
        String authCode = trimmed(reply.getString(38));
        if (rrn == null || authCode == null) {
            return unknown("approval without RRN or authorisation code");
        }
        return new AcquirerReply(Kind.APPROVED, rc, authCode, rrn, null);
    }

    /** A person's wording of a response code. */
    static String reason(String responseCode) {
        return REASONS.getOrDefault(responseCode, "Declined");
    }

    private static AcquirerReply unknown(String problem) {
        return new AcquirerReply(Kind.UNKNOWN, null, null, null, problem);
    }

    private static String trimmed(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
