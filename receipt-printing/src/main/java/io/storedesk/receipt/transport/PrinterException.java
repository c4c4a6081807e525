package io.storedesk.receipt.transport;

import java.util.Objects;

/**
 * A print job did not reach the paper. The message names the printer and says what is wrong in
 * words a clerk can act on ("Printer 192.168.1.50:9100 is offline or unreachable: connection
 * refused"); {@link #reason()} lets the service react without parsing it.
 */
public final class PrinterException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why printing failed. */
    public enum Reason {
        /** Not reachable: refused, timed out, unknown host, device missing. */
        OFFLINE,
        /** The printer reported that its paper roll is empty. */
        OUT_OF_PAPER,
        /** Reachable, but the job broke off (connection reset, write error). */
        FAILED
    }

    private final String printer;
    private final Reason reason;

    public PrinterException(String printer, Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.printer = Objects.requireNonNull(printer, "printer");
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** The printer's name as used in the message (host:port or device path). */
    public String printer() {
        return printer;
    }

    public Reason reason() {
        return reason;
    }
}
