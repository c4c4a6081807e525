package io.storedesk.pos.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.atomic.AtomicInteger;

import io.storedesk.pos.payment.simulator.AcquirerSimulator;
import org.jpos.iso.ISOMsg;
import org.jpos.iso.channel.ASCIIChannel;
import org.jpos.iso.packager.GenericPackager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The simulator checks what a strict acquirer checks, over a plain ASCIIChannel on loopback:
 * 30 for missing or malformed fields, 12 for references to unknown originals, 13 for refunds
 * beyond what is left, and it keeps only masked card data.
 */
class AcquirerSimulatorTests {

    private static final DateTimeFormatter FIELD_7 = DateTimeFormatter.ofPattern("MMddHHmmss").withZone(ZoneOffset.UTC);
    private static final AtomicInteger STAN = new AtomicInteger();
    private static AcquirerSimulator simulator;
    private ASCIIChannel channel;

    @BeforeAll
    static void startSimulator() {
        simulator = new AcquirerSimulator(PaymentTestSupport.packager(), Duration.ofSeconds(3)).start();
    }

    @AfterAll
    static void stopSimulator() {
        simulator.stop();
    }

    @BeforeEach
    void connect() throws Exception {
        simulator.up();
        channel = new ASCIIChannel(simulator.host(), simulator.port(), new GenericPackager(PaymentTestSupport.packager().toString()));
        channel.setTimeout(5000);
        channel.connect();
    }

    @AfterEach
    void disconnect() throws IOException {
        channel.disconnect();
    }

    @Test
    void answersSignOnAndEcho() throws Exception {
        ISOMsg echo = new ISOMsg("0800");
        echo.set(7, FIELD_7.format(Instant.now()));
        echo.set(11, stan());
        echo.set(70, "301");

        ISOMsg reply = exchange(echo);

        assertThat(reply.getMTI()).isEqualTo("0810");
        assertThat(reply.getString(39)).isEqualTo("00");
    }

    @Test
    void approvesAWellFormedPurchaseWithAuthCodeAndRrn() throws Exception {
        ISOMsg reply = exchange(purchase("000000001230"));

        assertThat(reply.getMTI()).isEqualTo("0210");
        assertThat(reply.getString(39)).isEqualTo("00");
        assertThat(reply.getString(38)).hasSize(6);
        assertThat(reply.getString(37)).matches("[0-9]{12}");
        assertThat(reply.hasField(2)).as("no card data in the reply").isFalse();
    }

    @Test
    void answersFormatErrorWhenAMandatoryFieldIsMissing() throws Exception {
        ISOMsg purchase = purchase("000000001230");
        purchase.unset(41);

        assertThat(exchange(purchase).getString(39)).isEqualTo("30");
    }

    @Test
    void refusesACardNumberWithABadCheckDigit() throws Exception {
        ISOMsg purchase = purchase("000000001230");
        purchase.set(2, "4761739001010011");

        assertThat(exchange(purchase).getString(39)).isEqualTo("14");
    }

    @Test
    void refusesAReversalOfAnUnknownOriginal() throws Exception {
        assertThat(exchange(reversal("000000001230", "999999", "0101000000")).getString(39)).isEqualTo("12");
    }

    @Test
    void refusesAReversalThatCarriesTheCardNumber() throws Exception {
        ISOMsg purchase = purchase("000000001500");
        exchange(purchase);
        ISOMsg reversal = reversal("000000001500", purchase.getString(11), purchase.getString(7));
        reversal.set(2, PaymentTestSupport.VISA);

        assertThat(exchange(reversal).getString(39)).isEqualTo("30");
    }

    @Test
    void refundsByRrnUpToWhatIsLeft() throws Exception {
        String rrn = exchange(purchase("000000005000")).getString(37);

        assertThat(exchange(refund("000000003000", rrn)).getString(39)).isEqualTo("00");
        assertThat(exchange(refund("000000002001", rrn)).getString(39)).as("beyond what is left").isEqualTo("13");
        assertThat(exchange(refund("000000002000", rrn)).getString(39)).isEqualTo("00");
        assertThat(exchange(refund("000000001000", "000000000000")).getString(39)).as("unknown RRN").isEqualTo("12");
        ISOMsg withCard = refund("000000000100", rrn);
        withCard.set(2, PaymentTestSupport.VISA);
        assertThat(exchange(withCard).getString(39)).as("a refund names the purchase, not the card").isEqualTo("30");
    }

    @Test
    void keepsOnlyMaskedCardData() throws Exception {
        exchange(purchase("000000000700"));

        assertThat(simulator.received().toString()).doesNotContain(PaymentTestSupport.VISA).contains("476173******0010");
    }

    @Test
    void stopsListeningWhenDownAndListensOnTheSamePortWhenUp() throws Exception {
        int port = simulator.port();
        simulator.down();

        assertThat(simulator.isUp()).isFalse();
        // The accept thread may take a moment to notice its socket closed; a lasting listener fails here.
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(2)).until(() -> !listening(port));
        assertThatThrownBy(channel::receive).as("open sessions are cut").isInstanceOf(IOException.class);

        simulator.up();
        assertThat(simulator.port()).isEqualTo(port);
        assertThat(listening(port)).isTrue();
    }

    /**
     * Whether something accepts connections on the port. A connection whose local port is the
     * port itself is the kernel connecting a socket to itself (TCP self-connect, possible on
     * loopback when nothing listens), not a listener.
     */
    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(simulator.host(), port), 1000);
            return socket.getLocalPort() != port;
        } catch (IOException refused) {
            return false;
        }
    }

    private ISOMsg exchange(ISOMsg request) throws Exception {
        channel.send(request);
        return channel.receive();
    }

    private static ISOMsg purchase(String amount) {
        ISOMsg m = financial("0200", "000000", amount);
        m.set(2, PaymentTestSupport.VISA);
        m.set(14, "3012");
        m.set(22, "012");
        return m;
    }

    private static ISOMsg refund(String amount, String rrn) {
        ISOMsg m = financial("0200", "200000", amount);
        m.set(37, rrn);
        return m;
    }

    private static ISOMsg reversal(String amount, String originalStan, String originalTransmitted) {
        ISOMsg m = financial("0400", "000000", amount);
        m.unset(12, 13, 25);
        m.set(90, "0200" + originalStan + originalTransmitted + "0".repeat(22));
        return m;
    }

    private static ISOMsg financial(String mti, String processingCode, String amount) {
        Instant now = Instant.now();
        ISOMsg m = new ISOMsg(mti);
        m.set(3, processingCode);
        m.set(4, amount);
        m.set(7, FIELD_7.format(now));
        m.set(11, stan());
        m.set(12, DateTimeFormatter.ofPattern("HHmmss").withZone(ZoneOffset.UTC).format(now));
        m.set(13, DateTimeFormatter.ofPattern("MMdd").withZone(ZoneOffset.UTC).format(now));
        m.set(25, "00");
        m.set(41, "SIMTEST1");
        m.set(42, "TESTSHOP001");
        m.set(49, "978");
        return m;
    }

    private static String stan() {
        return "%06d".formatted(STAN.incrementAndGet());
    }
}
