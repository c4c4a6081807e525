package io.storedesk.receipt.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.storedesk.receipt.PaperWidth;
import io.storedesk.receipt.SampleReceipts;
import io.storedesk.receipt.escpos.EscPosReceiptRenderer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RawTcpPrinterTests {

    private final ExecutorService executor = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    @Test
    void printerReceivesExactlyTheRenderedBytes() throws Exception {
        byte[] job = new EscPosReceiptRenderer(PaperWidth.MM_80).render(SampleReceipts.latvianSale().build());
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<byte[]> received = CompletableFuture.supplyAsync(() -> readAll(server), executor);

            printer(server.getLocalPort()).send(job);

            assertThat(received.get(10, TimeUnit.SECONDS)).isEqualTo(job);
        }
    }

    @Test
    void closedPortIsReportedAsOfflineWithThePrintersName() throws IOException {
        int port;
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = server.getLocalPort();
        }
        int closedPort = port;

        assertThatExceptionOfType(PrinterException.class)
                .isThrownBy(() -> printer(closedPort).send(new byte[] {0x1B, 0x40}))
                .withMessage("Printer 127.0.0.1:" + closedPort + " is offline or unreachable: connection refused")
                .satisfies(e -> assertThat(e.reason()).isEqualTo(PrinterException.Reason.OFFLINE));
    }

    @Test
    void emptyPaperRollFailsTheJobBeforeAnythingIsPrinted() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<byte[]> afterStatus = CompletableFuture.supplyAsync(() -> answerStatus(server, 0x72), executor);

            assertThatExceptionOfType(PrinterException.class)
                    .isThrownBy(() -> printer(server.getLocalPort()).checkingPaper().send(new byte[] {0x1B, 0x40}))
                    .withMessageContaining("is out of paper")
                    .satisfies(e -> assertThat(e.reason()).isEqualTo(PrinterException.Reason.OUT_OF_PAPER));
            assertThat(afterStatus.get(10, TimeUnit.SECONDS)).isEmpty();
        }
    }

    @Test
    void paperPresentPrintsAfterTheStatusQuery() throws Exception {
        byte[] job = {0x1B, 0x40, 'h', 'i', 0x0A};
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<byte[]> afterStatus = CompletableFuture.supplyAsync(() -> answerStatus(server, 0x12), executor);

            printer(server.getLocalPort()).checkingPaper().send(job);

            assertThat(afterStatus.get(10, TimeUnit.SECONDS)).isEqualTo(job);
        }
    }

    @Test
    void aPrinterThatMustAnswerButStaysSilentIsOfflineAndGetsNothing() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<byte[]> received = CompletableFuture.supplyAsync(() -> readAll(server), executor);

            assertThatExceptionOfType(PrinterException.class)
                    .isThrownBy(() -> printer(server.getLocalPort()).requiringStatus(Duration.ofMillis(300))
                            .send(new byte[] {0x1B, 0x40, 'x'}))
                    .withMessageContaining("127.0.0.1:" + server.getLocalPort() + " is offline")
                    .withMessageContaining("did not answer the status query within 300 ms")
                    .satisfies(e -> assertThat(e.reason()).isEqualTo(PrinterException.Reason.OFFLINE));
            assertThat(received.get(10, TimeUnit.SECONDS)).containsExactly(0x10, 0x04, 0x04);
        }
    }

    @Test
    void aPrinterThatMustAnswerPrintsWhenThePaperIsThereAndRefusesAnEmptyRoll() throws Exception {
        byte[] job = {0x1B, 0x40, 'o', 'k', 0x0A};
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<byte[]> afterStatus = CompletableFuture.supplyAsync(() -> answerStatus(server, 0x12), executor);
            printer(server.getLocalPort()).requiringStatus(Duration.ofMillis(500)).send(job);
            assertThat(afterStatus.get(10, TimeUnit.SECONDS)).isEqualTo(job);

            CompletableFuture<byte[]> empty = CompletableFuture.supplyAsync(() -> answerStatus(server, 0x72), executor);
            assertThatExceptionOfType(PrinterException.class)
                    .isThrownBy(() -> printer(server.getLocalPort()).requiringStatus(Duration.ofMillis(500)).send(job))
                    .satisfies(e -> assertThat(e.reason()).isEqualTo(PrinterException.Reason.OUT_OF_PAPER));
            assertThat(empty.get(10, TimeUnit.SECONDS)).isEmpty();
        }
    }

    private static RawTcpPrinter printer(int port) {
        return new RawTcpPrinter("127.0.0.1", port, Duration.ofSeconds(2), Duration.ofSeconds(2), false);
    }

    private static byte[] readAll(ServerSocket server) {
        try (Socket client = server.accept(); InputStream in = client.getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads the DLE EOT 4 query, answers {@code status}, and returns whatever is sent after it. */
    private static byte[] answerStatus(ServerSocket server, int status) {
        try (Socket client = server.accept(); InputStream in = client.getInputStream()) {
            byte[] query = in.readNBytes(3);
            assertThat(query).containsExactly(0x10, 0x04, 0x04);
            client.getOutputStream().write(status);
            client.getOutputStream().flush();
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
