package io.storedesk.pos.printing.documents;

import java.net.URI;
import java.nio.file.Path;

import io.storedesk.pos.common.ProblemException;
import io.storedesk.receipt.transport.FilePrinter;
import io.storedesk.receipt.transport.PrinterException;
import io.storedesk.receipt.transport.PrinterTransport;
import io.storedesk.receipt.transport.RawTcpPrinter;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Sends bytes to a register's receipt printer ({@code pos.printing.printers.<register>}); an
 * offline or paperless printer is a 503 problem with a sentence for the clerk, and nothing
 * changes, so the receipt can simply be printed again.
 */
@Component
public class ReceiptPrinters {

    private final PrintingProperties properties;

    ReceiptPrinters(PrintingProperties properties) {
        this.properties = properties;
    }

    /** Whether the register has a receipt printer. */
    public boolean has(String registerId) {
        String target = properties.printers().get(registerId);
        return target != null && !target.isBlank();
    }

    /** Prints a job, after asking a network printer for its status when {@code pos.printing.status-check} is on. */
    public String send(String registerId, byte[] bytes) {
        return send(registerId, bytes, properties.statusCheck());
    }

    /**
     * Sends bytes; {@code checkStatus=false} for commands that need no paper (the drawer kick: an
     * empty roll must not keep the cash drawer shut).
     */
    public String send(String registerId, byte[] bytes, boolean checkStatus) {
        String target = properties.printers().get(registerId);
        if (target == null || target.isBlank()) {
            throw ProblemException.rule("no-printer", "No printer",
                    "Register %s has no receipt printer configured (pos.printing.printers.%s).".formatted(registerId, registerId));
        }
        PrinterTransport printer = transport(target, checkStatus);
        try {
            printer.send(bytes);
            return target;
        } catch (PrinterException e) {
            throw new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, "printer-" + e.reason().name().toLowerCase()
                    .replace('_', '-'), "Printer not available", e.getMessage() + " The receipt can be printed again.")
                    .with("printer", target);
        }
    }

    private PrinterTransport transport(String target, boolean checkStatus) {
        URI uri = URI.create(target);
        if ("tcp".equals(uri.getScheme())) {
            RawTcpPrinter tcp = uri.getPort() > 0 ? new RawTcpPrinter(uri.getHost(), uri.getPort(),
                    java.time.Duration.ofSeconds(3), java.time.Duration.ofSeconds(10), false)
                    : new RawTcpPrinter(uri.getHost());
            return checkStatus ? tcp.requiringStatus(properties.statusTimeout()) : tcp;
        }
        if ("file".equals(uri.getScheme())) {
            return FilePrinter.device(Path.of(uri.getPath()));
        }
        throw new IllegalStateException("printer '" + target + "' must be tcp://host:port or file:/path");
    }
}
