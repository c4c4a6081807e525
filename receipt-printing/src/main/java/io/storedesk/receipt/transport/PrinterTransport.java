package io.storedesk.receipt.transport;

/** Sends a complete print job (ESC/POS bytes) to one printer. Implementations are thread-safe. */
public interface PrinterTransport {

    /**
     * Sends the job and returns once the printer (or its device file) has taken all bytes.
     *
     * @throws PrinterException if the printer is offline, unreachable, out of paper or fails
     */
    void send(byte[] data) throws PrinterException;
}
