package io.storedesk.receipt.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FilePrinterTests {

    @TempDir
    Path directory;

    @Test
    void spoolFileCollectsJobsInOrder() throws Exception {
        Path spool = directory.resolve("printer.spool");
        FilePrinter printer = FilePrinter.spoolFile(spool);

        printer.send(new byte[] {1, 2});
        printer.send(new byte[] {3});

        assertThat(Files.readAllBytes(spool)).containsExactly(1, 2, 3);
    }

    @Test
    void missingDeviceIsReportedAsOffline() {
        Path device = directory.resolve("lp0");

        assertThatExceptionOfType(PrinterException.class)
                .isThrownBy(() -> FilePrinter.device(device).send(new byte[] {0x1B, 0x40}))
                .withMessage("Printer " + device + " is offline or not connected: no such device")
                .satisfies(e -> assertThat(e.reason()).isEqualTo(PrinterException.Reason.OFFLINE));
        assertThat(device).doesNotExist();
    }
}
