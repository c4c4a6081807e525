package io.storedesk.pos.payment.internal;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import io.storedesk.pos.common.ProblemException;
import io.storedesk.pos.payment.PaymentProperties;
import org.springframework.stereotype.Component;

/**
 * Which card terminal id (field 41) each register uses, and the store's merchant id (field 42),
 * from {@code pos.payment.terminals.<register>} and {@code pos.payment.merchant-id}. Checked at
 * start-up: ids are letters and digits, at most 8 (terminal) and 15 (merchant) characters, and
 * no two registers share a terminal (the STAN sequence is per terminal). Network messages
 * (sign-on, echo) name the first terminal in register order.
 */
@Component
class Terminals {

    private static final Pattern TERMINAL_ID = Pattern.compile("[A-Za-z0-9]{1,8}");
    private static final Pattern MERCHANT_ID = Pattern.compile("[A-Za-z0-9]{1,15}");

    private final Map<String, String> byRegister;
    private final String merchantId;

    Terminals(PaymentProperties properties) {
        this.byRegister = properties.terminals();
        this.merchantId = properties.merchantId();
        if (!MERCHANT_ID.matcher(merchantId).matches()) {
            throw new IllegalStateException("pos.payment.merchant-id must be 1-15 letters or digits");
        }
        Set<String> seen = new HashSet<>();
        byRegister.forEach((register, terminal) -> {
            if (terminal == null || !TERMINAL_ID.matcher(terminal).matches()) {
                throw new IllegalStateException("pos.payment.terminals." + register + " must be 1-8 letters or digits");
            }
            if (!seen.add(terminal)) {
                throw new IllegalStateException("terminal id " + terminal + " is configured for two registers");
            }
        });
    }

    /** The terminal of a register; 422 {@code card-terminal-not-configured} when it has none. */
    Terminal forRegister(String registerId) {
        String terminal = byRegister.get(registerId);
        if (terminal == null) {
            throw ProblemException.rule("card-terminal-not-configured", "No card terminal",
                    "Register %s has no card terminal configured (pos.payment.terminals.%s).".formatted(registerId,
                            registerId));
        }
        return new Terminal(registerId, terminal, merchantId);
    }

    /** The terminal that signs on and echoes for the store, or null when none is configured. */
    Terminal network() {
        return byRegister.isEmpty() ? null : forRegister(byRegister.keySet().iterator().next());
    }

    /** A register's card terminal. */
    record Terminal(String registerId, String terminalId, String merchantId) {
    }
}
