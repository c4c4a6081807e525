package io.storedesk.receipt.transport;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;

/**
 * A printer reached through a file: a device node such as {@code /dev/usb/lp0} (USB printers on
 * Linux), or a spool file. A device is opened for writing only if it exists, so an unplugged printer
 * is reported as offline rather than silently turned into a regular file; a spool file is created
 * and appended to.
 */
public final class FilePrinter implements PrinterTransport {

    private final Path path;
    private final boolean createIfMissing;

    private FilePrinter(Path path, boolean createIfMissing) {
        this.path = Objects.requireNonNull(path, "path");
        this.createIfMissing = createIfMissing;
    }

    /** A printer device node, e.g. {@code /dev/usb/lp0}. */
    public static FilePrinter device(Path device) {
        return new FilePrinter(device, false);
    }

    /** A spool file that jobs are appended to; created when missing. */
    public static FilePrinter spoolFile(Path file) {
        return new FilePrinter(file, true);
    }

    @Override
    public void send(byte[] data) throws PrinterException {
        OpenOption[] options = createIfMissing
                ? new OpenOption[] {StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND}
                : new OpenOption[] {StandardOpenOption.WRITE, StandardOpenOption.APPEND};
        try {
            Files.write(path, data, options);
        } catch (NoSuchFileException e) {
            throw new PrinterException(path.toString(), PrinterException.Reason.OFFLINE,
                    "Printer " + path + " is offline or not connected: no such device", e);
        } catch (AccessDeniedException e) {
            throw new PrinterException(path.toString(), PrinterException.Reason.OFFLINE,
                    "Printer " + path + " cannot be opened: permission denied", e);
        } catch (IOException e) {
            throw new PrinterException(path.toString(), PrinterException.Reason.FAILED,
                    "Printing on " + path + " failed: " + e.getMessage(), e);
        }
    }
}
