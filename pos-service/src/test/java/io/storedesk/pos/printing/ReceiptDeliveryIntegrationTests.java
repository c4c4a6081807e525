package io.storedesk.pos.printing;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import com.icegreen.greenmail.util.GreenMail;
import io.storedesk.pos.support.Api;
import io.storedesk.pos.support.Smtp;
import jakarta.mail.BodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Receipts leave the service: e-mailed as PDF through a real SMTP server (GreenMail on a free
 * port), retried while that server is down; printed as ESC/POS on a register's network printer
 * (a TCP server on a free port), with a clear error when the printer is offline.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"pos.data-dir=target/test-data/delivery-${random.uuid}", "pos.mail.poll-interval=200ms",
                "pos.printing.status-timeout=500ms",
                "pos.mail.retry-delay=200ms", "pos.mail.max-retry-delay=1s"})
class ReceiptDeliveryIntegrationTests {

    static final int SMTP_PORT = Smtp.freePort();
    static final int OFFLINE_PORT = Smtp.freePort();
    static GreenMail smtp = Smtp.start(SMTP_PORT);
    static final int PAPER_OK = 0x12;
    static final int PAPER_END = 0x72;
    static final BlockingQueue<byte[]> PRINTED = new LinkedBlockingQueue<>();
    static final AtomicInteger PAPER = new AtomicInteger(PAPER_OK);
    static final ServerSocket PRINTER = printer(PRINTED, PAPER);
    /** R03's printer: its paper roll is switched empty or full by the tests. */
    static final BlockingQueue<byte[]> PRINTED_R03 = new LinkedBlockingQueue<>();
    static final AtomicInteger PAPER_R03 = new AtomicInteger(PAPER_END);
    static final ServerSocket PRINTER_R03 = printer(PRINTED_R03, PAPER_R03);
    /** R04's printer: takes connections but never answers a status query (switched off behind its print server). */
    static final BlockingQueue<byte[]> PRINTED_R04 = new LinkedBlockingQueue<>();
    static final ServerSocket PRINTER_R04 = printer(PRINTED_R04, new AtomicInteger(-1));

    @DynamicPropertySource
    static void peers(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
        registry.add("pos.printing.printers.R01", () -> "tcp://127.0.0.1:" + PRINTER.getLocalPort());
        registry.add("pos.printing.printers.R02", () -> "tcp://127.0.0.1:" + OFFLINE_PORT);
        registry.add("pos.printing.printers.R03", () -> "tcp://127.0.0.1:" + PRINTER_R03.getLocalPort());
        registry.add("pos.printing.printers.R04", () -> "tcp://127.0.0.1:" + PRINTER_R04.getLocalPort());
    }

    @LocalServerPort
    int port;
    Api api;

    @BeforeEach
    void connect() {
        api = new Api(port);
    }

    @AfterAll
    static void stopPeers() throws IOException {
        smtp.stop();
        PRINTER.close();
        PRINTER_R03.close();
        PRINTER_R04.close();
    }

    private String sell(String drawer) {
        api.post("/api/v1/drawers/" + drawer + "/open", "clerk", "{\"float\":{\"20.00\":2}}");
        Api.Response sale = api.post("/api/v1/sales", "clerk", """
                {"drawerId":"%s","lines":[{"sku":"CZ-3009","quantity":1}],"tenders":[{"type":"CASH","amount":"20.00"}]}"""
                .formatted(drawer));
        assertThat(sale.status()).as(sale.body()).isEqualTo(201);
        return sale.text("receiptNumber");
    }

    @Test
    void anEmailedReceiptArrivesAsPdfAndIsListedAsSent() throws Exception {
        String receipt = sell("D1");
        smtp.reset();
        Api.Response queued = api.post("/api/v1/sales/" + receipt + "/email", "clerk", "{\"to\":\"jana.novakova@example.cz\"}");
        assertThat(queued.status()).as(queued.body()).isEqualTo(202);
        assertThat(queued.text("status")).isEqualTo("PENDING");

        await().atMost(Duration.ofSeconds(20)).until(() -> "SENT".equals(
                api.get("/api/v1/sales/" + receipt + "/emails", "clerk").json().get(0).get("status").asString()));
        MimeMessage message = smtp.getReceivedMessages()[0];
        assertThat(message.getAllRecipients()[0].toString()).isEqualTo("jana.novakova@example.cz");
        assertThat(message.getSubject()).contains(receipt, "Veikals Rīga Centrs");
        MimeMultipart parts = (MimeMultipart) message.getContent();
        BodyPart pdf = null;
        for (int i = 0; i < parts.getCount(); i++) {
            if (parts.getBodyPart(i).getContentType().startsWith("application/pdf")) {
                pdf = parts.getBodyPart(i);
            }
        }
        assertThat(pdf).isNotNull();
        try (InputStream in = pdf.getInputStream(); PDDocument doc = Loader.loadPDF(in.readAllBytes())) {
            assertThat(new PDFTextStripper().getText(doc)).contains("Kniha „Dobrý voják Švejk“", receipt);
        }
    }

    @Test
    void whileTheMailServerIsDownTheEmailWaitsWithItsErrorAndIsSentWhenItReturns() throws Exception {
        String receipt = sell("D1");
        smtp.stop();
        try {
            api.post("/api/v1/sales/" + receipt + "/email", "clerk", "{\"to\":\"janis@example.lv\"}");
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                var e = api.get("/api/v1/sales/" + receipt + "/emails", "clerk").json().get(0);
                return e.get("attempts").asInt() >= 2 && e.get("lastError") != null && !e.get("lastError").isNull();
            });
            assertThat(api.get("/api/v1/sales/" + receipt + "/emails", "clerk").json().get(0).get("status").asString())
                    .isEqualTo("PENDING");
        } finally {
            smtp = Smtp.start(SMTP_PORT);
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> "SENT".equals(
                api.get("/api/v1/sales/" + receipt + "/emails", "clerk").json().get(0).get("status").asString()));
        assertThat(smtp.getReceivedMessages()).hasSize(1);
    }

    @Test
    void aBadAddressIsRefused() {
        String receipt = sell("D1");
        assertThat(api.post("/api/v1/sales/" + receipt + "/email", "clerk", "{\"to\":\"not an address\"}").status())
                .isEqualTo(400);
    }

    @Test
    void theReceiptPrintsOnTheRegisterPrinterAndAnOfflinePrinterIsAClearError() throws Exception {
        String receipt = sell("D1");
        Api.Response printed = api.post("/api/v1/sales/" + receipt + "/print", "clerk", "{}");
        assertThat(printed.status()).as(printed.body()).isEqualTo(200);
        byte[] bytes = next(PRINTED, DeliveryJobs::isDocument);
        assertThat(bytes).isNotNull();
        assertThat(bytes[0]).isEqualTo((byte) 0x1B);
        assertThat(bytes[1]).isEqualTo((byte) '@');
        assertThat(bytes.length).isEqualTo(printed.json().get("bytes").asInt());

        String other = sell("D2");
        Api.Response offline = api.post("/api/v1/sales/" + other + "/print", "clerk", "{}");
        assertThat(offline.status()).isEqualTo(503);
        assertThat(offline.text("type")).endsWith("/problems/printer-offline");
        assertThat(offline.text("detail")).contains("127.0.0.1:" + OFFLINE_PORT, "printed again");
        assertThat(api.get("/api/v1/sales/" + other + "/receipt?format=escpos", "clerk").status()).isEqualTo(200);
    }

    @Test
    void aNoSaleOpenKicksTheDrawerThroughTheRegisterPrinter() throws Exception {
        api.post("/api/v1/drawers/D1/open", "clerk", "{\"float\":{\"20.00\":2}}");
        PRINTED.clear();
        Api.Response r = api.post("/api/v1/drawers/D1/no-sale", "clerk", "{\"reason\":\"change for the car park\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);

        byte[] kick = PRINTED.poll(10, TimeUnit.SECONDS);
        assertThat(kick).isEqualTo(io.storedesk.receipt.escpos.EscPosCommands.drawerKick());
    }

    @Test
    void aCashSaleKicksTheDrawerOpenACardOnlySaleDoesNot() throws Exception {
        api.post("/api/v1/drawers/D1/open", "clerk", "{\"float\":{\"20.00\":2}}");
        awaitQuiet(PRINTED);

        Api.Response card = api.post("/api/v1/sales", "clerk", """
                {"drawerId":"D1","lines":[{"sku":"CZ-3009","quantity":1}],
                 "tenders":[{"type":"CARD","card":{"pan":"4761739001010010","expiry":"3012"}}]}""");
        assertThat(card.status()).as(card.body()).isEqualTo(201);
        assertThat(PRINTED.poll(1500, TimeUnit.MILLISECONDS)).as("a card-only sale opens no drawer").isNull();

        sell("D1");
        assertThat(PRINTED.poll(10, TimeUnit.SECONDS)).isEqualTo(io.storedesk.receipt.escpos.EscPosCommands.drawerKick());
        assertThat(PRINTED.poll(1500, TimeUnit.MILLISECONDS)).as("one kick per cash sale").isNull();
    }

    @Test
    void aCashRefundKicksTheDrawerAndTheReturnReceiptPrints() throws Exception {
        String receipt = sell("D1");
        awaitQuiet(PRINTED);
        Api.Response ret = api.post("/api/v1/returns", "clerk", """
                {"receiptNumber":"%s","drawerId":"D1","lines":[{"lineNo":1,"quantity":1,"reason":"DEFECTIVE",
                 "restock":false}],"refundMethod":"CASH"}""".formatted(receipt));
        assertThat(ret.status()).as(ret.body()).isEqualTo(201);
        assertThat(PRINTED.poll(10, TimeUnit.SECONDS)).isEqualTo(io.storedesk.receipt.escpos.EscPosCommands.drawerKick());

        String number = ret.text("returnNumber");
        Api.Response printed = api.post("/api/v1/returns/" + number + "/print", "clerk", "{\"copy\":true}");
        assertThat(printed.status()).as(printed.body()).isEqualTo(200);
        String job = new String(next(PRINTED, DeliveryJobs::isDocument), Charset.forName("Cp1257"));
        assertThat(job).contains("Atgriešana", number, "Sākotnējais čeks", receipt, "KOPIJA");
    }

    @Test
    void aPrinterOutOfPaperIsAClearErrorAndTheReceiptPrintsOnceANewRollIsIn() throws Exception {
        PAPER_R03.set(PAPER_END);
        String receipt = sell("D3");
        awaitQuiet(PRINTED_R03);

        Api.Response empty = api.post("/api/v1/sales/" + receipt + "/print", "clerk", "{}");
        assertThat(empty.status()).isEqualTo(503);
        assertThat(empty.text("type")).endsWith("/problems/printer-out-of-paper");
        assertThat(empty.text("detail")).contains("out of paper", "printed again");
        assertThat(empty.text("printer")).isEqualTo("tcp://127.0.0.1:" + PRINTER_R03.getLocalPort());
        assertThat(PRINTED_R03.poll(1, TimeUnit.SECONDS)).as("nothing reaches an empty printer").isNull();
        assertThat(api.get("/api/v1/sales/" + receipt + "/receipt?format=escpos", "clerk").status()).isEqualTo(200);

        PAPER_R03.set(PAPER_OK);
        Api.Response again = api.post("/api/v1/sales/" + receipt + "/print", "clerk", "{\"copy\":true}");
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        String job = new String(next(PRINTED_R03, DeliveryJobs::isDocument), Charset.forName("Cp1257"));
        assertThat(job).contains(receipt, "KOPIJA");
    }

    @Test
    void aPrinterThatDoesNotAnswerTheStatusQueryIsOffline() throws Exception {
        String receipt = sell("D4");
        awaitQuiet(PRINTED_R04);

        long started = System.nanoTime();
        Api.Response silent = api.post("/api/v1/sales/" + receipt + "/print", "clerk", "{}");
        assertThat(silent.status()).isEqualTo(503);
        assertThat(silent.text("type")).endsWith("/problems/printer-offline");
        assertThat(silent.text("detail")).contains("127.0.0.1:" + PRINTER_R04.getLocalPort(), "did not answer",
                "printed again");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        assertThat(PRINTED_R04.poll(1, TimeUnit.SECONDS)).as("no receipt went to a silent printer").isNull();
    }

    /** The next job on a printer that matches (drawer kicks of cash sales arrive in between). */
    private static byte[] next(BlockingQueue<byte[]> printer, Predicate<byte[]> wanted) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        List<byte[]> skipped = new ArrayList<>();
        while (System.nanoTime() < deadline) {
            byte[] job = printer.poll(200, TimeUnit.MILLISECONDS);
            if (job != null && wanted.test(job)) {
                return job;
            }
            if (job != null) {
                skipped.add(job);
            }
        }
        throw new AssertionError("no matching print job; got " + skipped.stream().map(Arrays::toString).toList());
    }

    /** Waits until the drawer kicks of earlier sales have arrived, then empties the queue. */
    private static void awaitQuiet(BlockingQueue<byte[]> printer) throws InterruptedException {
        while (printer.poll(700, TimeUnit.MILLISECONDS) != null) {
            // drain
        }
    }

    /** What the test printers receive. */
    static final class DeliveryJobs {
        /** A receipt or report: starts with ESC @ (a drawer kick is ESC p on its own). */
        static boolean isDocument(byte[] job) {
            return job.length > 2 && job[0] == 0x1B && job[1] == '@';
        }
    }

    /**
     * A network ESC/POS printer: answers the real-time status query DLE EOT 4 with the byte in
     * {@code paper} (0x12 paper present, 0x72 paper end; a negative value never answers) and hands
     * over every job: what was sent after the status answer, or the whole connection's bytes when no
     * status was asked (a drawer kick). An empty job (refused by the service) is not handed over.
     */
    private static ServerSocket printer(BlockingQueue<byte[]> printed, AtomicInteger paper) {
        try {
            ServerSocket server = new ServerSocket(0);
            Thread t = new Thread(() -> {
                while (!server.isClosed()) {
                    try (Socket s = server.accept(); InputStream in = s.getInputStream()) {
                        byte[] head = in.readNBytes(3);
                        byte[] job;
                        if (head.length == 3 && head[0] == 0x10 && head[1] == 0x04 && head[2] == 0x04) {
                            int status = paper.get();
                            if (status >= 0) {
                                s.getOutputStream().write(status);
                                s.getOutputStream().flush();
                            }
                            job = in.readAllBytes();
                        } else {
                            byte[] rest = in.readAllBytes();
                            job = Arrays.copyOf(head, head.length + rest.length);
                            System.arraycopy(rest, 0, job, head.length, rest.length);
                        }
                        if (job.length > 0) {
                            printed.add(job);
                        }
                    } catch (IOException closed) {
                        if (server.isClosed()) {
                            return;
                        }
                    }
                }
            }, "test-printer");
            t.setDaemon(true);
            t.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
