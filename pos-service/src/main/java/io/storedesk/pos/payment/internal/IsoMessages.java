package io.storedesk.pos.payment.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Currency;

import io.storedesk.pos.common.Money;
import io.storedesk.pos.common.StoreProperties;
import io.storedesk.pos.payment.PaymentProperties;
import io.storedesk.pos.payment.internal.Terminals.Terminal;
import org.jpos.iso.ISOMsg;
import org.springframework.stereotype.Component;

/**
 * Builds the ISO 8583:1987 requests: 0200 purchase and refund, 0400/0401 reversal, 0800
 * sign-on and echo. Field 7 is the transmission time in UTC (MMDDhhmmss), 12 and 13 the local
 * time and date of the store; field 4 the amount in minor units, 49 the ISO 4217 numeric
 * currency. Only the purchase carries card data (2 and 14 keyed, 35 swiped).
 */
@Component
class IsoMessages {

    static final String PURCHASE = "000000";
    static final String REFUND = "200000";
    static final String SIGN_ON = "001";
    static final String ECHO = "301";

    private static final DateTimeFormatter FIELD_7 = DateTimeFormatter.ofPattern("MMddHHmmss");
    private static final DateTimeFormatter FIELD_12 = DateTimeFormatter.ofPattern("HHmmss");
    private static final DateTimeFormatter FIELD_13 = DateTimeFormatter.ofPattern("MMdd");

    private final Clock clock;
    private final ZoneId zone;
    private final String originalInstitutions;

    IsoMessages(Clock clock, StoreProperties store, PaymentProperties payment) {
        this.clock = clock;
        this.zone = store.zone();
        this.originalInstitutions = institution(payment.acquirer().institutionId())
                + institution(payment.acquirer().forwardingInstitutionId());
    }

    /** A request with its own transmission time, so the caller can keep field 7. */
    record Request(ISOMsg message, String transmitted) {
    }

    Request purchase(Terminal terminal, String stan, Money amount, CardData card) {
        Request r = base("0200", PURCHASE, terminal, stan);
        amount(r.message(), amount);
        if (card.track2() != null) {
            r.message().set(35, card.track2());
        } else {
            r.message().set(2, card.pan());
            r.message().set(14, card.expiry());
        }
        r.message().set(22, card.entryMode());
        return r;
    }

    Request refund(Terminal terminal, String stan, Money amount, String originalRrn) {
        Request r = base("0200", REFUND, terminal, stan);
        amount(r.message(), amount);
        r.message().set(37, originalRrn);
        return r;
    }

    /**
     * @param mti {@code 0400} on the first attempt, {@code 0401} on repeats
     */
    Request reversal(String mti, ReversalQueue.Reversal reversal) {
        Terminal terminal = new Terminal(reversal.registerId(), reversal.terminalId(), reversal.merchantId());
        Request r = base(mti, reversal.processingCode(), terminal, reversal.stan());
        amount(r.message(), reversal.amount());
        if (reversal.rrn() != null) {
            r.message().set(37, reversal.rrn());
        }
        r.message().set(90, reversal.originalMti() + reversal.originalStan() + reversal.originalTransmitted()
                + originalInstitutions);
        return r;
    }

    /** 0800 with field 70 {@link #SIGN_ON} or {@link #ECHO}; the terminal may be null. */
    ISOMsg network(String code, Terminal terminal, String stan) {
        ISOMsg m = new ISOMsg("0800");
        m.set(7, FIELD_7.format(now().withZoneSameInstant(ZoneOffset.UTC)));
        m.set(11, stan);
        if (terminal != null) {
            m.set(41, terminal.terminalId());
            m.set(42, terminal.merchantId());
        }
        m.set(70, code);
        return m;
    }

    private Request base(String mti, String processingCode, Terminal terminal, String stan) {
        ZonedDateTime now = now();
        String transmitted = FIELD_7.format(now.withZoneSameInstant(ZoneOffset.UTC));
        ISOMsg m = new ISOMsg(mti);
        m.set(3, processingCode);
        m.set(7, transmitted);
        m.set(11, stan);
        m.set(12, FIELD_12.format(now));
        m.set(13, FIELD_13.format(now));
        m.set(25, "00");
        m.set(41, terminal.terminalId());
        m.set(42, terminal.merchantId());
        return new Request(m, transmitted);
    }

    private static void amount(ISOMsg m, Money amount) {
        m.set(4, "%012d".formatted(amount.minorUnits()));
        m.set(49, numericCode(amount.currency()));
    }

    static String numericCode(Currency currency) {
        return "%03d".formatted(currency.getNumericCode());
    }

    private ZonedDateTime now() {
        Instant instant = clock.instant();
        return instant.atZone(zone);
    }

    private static String institution(String id) {
        String digits = id == null ? "" : id.trim();
        if (!digits.matches("[0-9]{0,11}")) {
            throw new IllegalStateException("institution ids must be up to 11 digits: " + id);
        }
        return "0".repeat(11 - digits.length()) + digits;
    }
}
