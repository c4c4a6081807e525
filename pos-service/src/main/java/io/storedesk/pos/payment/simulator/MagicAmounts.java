package io.storedesk.pos.payment.simulator;

/**
 * The documented amounts that make the simulator misbehave on purpose (any 0200, purchase or
 * refund; reversals and echoes are never affected). By the amount in minor units:
 * <ul>
 * <li>66.66 - approved, but the answer is held back by the simulator's delay (past the client timeout);</li>
 * <li>99.99 - approved, then the connection is dropped without an answer;</li>
 * <li>77.77 - approved, but the answer is garbage: bytes that are no ISO 8583 message;</li>
 * <li>ending .51 - declined 51 (insufficient funds);</li>
 * <li>ending .05 - declined 05 (do not honour);</li>
 * <li>ending .91 - declined 91 (issuer or switch inoperative);</li>
 * <li>anything else - approved.</li>
 * </ul>
 */
final class MagicAmounts {

    /** How the reply travels. */
    enum Action {
        ANSWER, DELAY, DROP, GARBAGE
    }

    /** The response code and how to deliver it. */
    record Outcome(String responseCode, Action action) {
        boolean approves() {
            return "00".equals(responseCode);
        }
    }

    static final long SLOW = 6666;
    static final long DROP = 9999;
    static final long GARBAGE = 7777;

    private MagicAmounts() {
    }

    static Outcome of(long minorUnits) {
        if (minorUnits == SLOW) {
            return new Outcome("00", Action.DELAY);
        }
        if (minorUnits == DROP) {
            return new Outcome("00", Action.DROP);
        }
        if (minorUnits == GARBAGE) {
            return new Outcome("00", Action.GARBAGE);
        }
        return switch ((int) (minorUnits % 100)) {
            case 51 -> new Outcome("51", Action.ANSWER);
            case 5 -> new Outcome("05", Action.ANSWER);
            case 91 -> new Outcome("91", Action.ANSWER);
            default -> new Outcome("00", Action.ANSWER);
        };
    }
}
