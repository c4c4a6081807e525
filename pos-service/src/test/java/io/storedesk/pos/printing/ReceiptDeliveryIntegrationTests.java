package io.storedesk.pos.printing;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.storedesk.pos.support.Api;
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
        properties = {"pos.data-dir=target/test-data/delivery-${random.uuid}", "pos.printing.mail.poll-interval=200ms",
                "pos.printing.mail.retry-delay=200ms", "pos.printing.mail.max-retry-delay=1s"})
class ReceiptDeliveryIntegrationTests {

    static final int SMTP_PORT = freePort();
    static final int OFFLINE_PORT = freePort();
    static GreenMail smtp = startSmtp();
    static final BlockingQueue<byte[]> PRINTED = new LinkedBlockingQueue<>();
    static final ServerSocket PRINTER = printer();

    @DynamicPropertySource
    static void peers(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
        registry.add("pos.printing.printers.R01", () -> "tcp://127.0.0.1:" + PRINTER.getLocalPort());
        registry.add("pos.printing.printers.R02", () -> "tcp://127.0.0.1:" + OFFLINE_PORT);
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
            smtp = startSmtp();
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
        byte[] bytes = PRINTED.poll(10, TimeUnit.SECONDS);
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

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static GreenMail startSmtp() {
        GreenMail mail = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        return mail;
    }

    /** A network printer: accepts connections and hands over everything each one sent. */
    private static ServerSocket printer() {
        try {
            ServerSocket server = new ServerSocket(0);
            Thread t = new Thread(() -> {
                while (!server.isClosed()) {
                    try (Socket s = server.accept(); InputStream in = s.getInputStream()) {
                        PRINTED.add(in.readAllBytes());
                    } catch (IOException closed) {
                        return;
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
