package io.storedesk.pos.payment;

import static io.storedesk.pos.payment.PaymentTestSupport.MASTERCARD_TRACK2;
import static io.storedesk.pos.payment.PaymentTestSupport.VISA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.storedesk.pos.common.Money;
import io.storedesk.pos.common.ProblemException;
import io.storedesk.pos.payment.simulator.AcquirerSimulator;
import io.storedesk.pos.payment.simulator.SimulatorMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Purchases, declines and reversals against the bundled simulator over TCP, with the client
 * finding the simulator's port by itself (acquirer port 0).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "pos.data-dir=./target/test-data/card-payments")
class CardPaymentsIntegrationTests {

    static final Currency EUR = Currency.getInstance("EUR");

    @Autowired
    CardPayments payments;
    @Autowired
    AcquirerSimulator simulator;
    @Autowired
    JdbcClient jdbc;
    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        PaymentTestSupport.register(registry, "./target/test-data/card-payments");
    }

    @BeforeEach
    void signedOn() {
        simulator.up();
        await().atMost(Duration.ofSeconds(20)).until(() -> payments.status().signedOn());
        simulator.clearReceived();
    }

    @Test
    void approvesAKeyedPurchaseAndKeepsOnlyTheMaskedPan() {
        CardAuthorization auth = payments.purchase(CardPurchase.keyed("R01", eur("12.30"), VISA, "3012", "basket-1"));

        assertThat(auth.maskedPan()).isEqualTo("476173******0010");
        assertThat(auth.brand()).isEqualTo("VISA");
        assertThat(auth.authCode()).hasSize(6);
        assertThat(auth.rrn()).matches("[0-9]{12}");
        assertThat(auth.amount()).isEqualTo(eur("12.30"));
        SimulatorMessage sent = only("0200");
        assertThat(sent.fields()).containsEntry(3, "000000").containsEntry(4, "000000001230").containsEntry(49, "978")
                .containsEntry(11, auth.stan()).containsEntry(22, "012").containsEntry(2, "476173******0010");
        assertThat(sent.field(41)).startsWith("T0000R01");
        assertThat(sent.field(7)).matches("[0-9]{10}");
        assertThat(row(auth.reference())).containsEntry("STATUS", "APPROVED").containsEntry("MASKED_PAN", "476173******0010")
                .containsEntry("RRN", auth.rrn()).containsEntry("AUTH_CODE", auth.authCode());
        assertThat(jdbc.sql("SELECT type FROM journal_entry WHERE chain = 'R01' AND reference = ?")
                .param(auth.reference()).query(String.class).list()).containsExactly("CARD_AUTHORIZED");
    }

    @Test
    void sendsTrack2ForASwipedCard() {
        CardAuthorization auth = payments.purchase(CardPurchase.swiped("R02", eur("8.00"), MASTERCARD_TRACK2, null));

        assertThat(auth.brand()).isEqualTo("MASTERCARD");
        SimulatorMessage sent = only("0200");
        assertThat(sent.has(2)).isFalse();
        assertThat(sent.has(14)).isFalse();
        assertThat(sent.field(35)).isEqualTo("541333******0434=****");
        assertThat(sent.field(22)).isEqualTo("022");
    }

    @Test
    void declinesWithTheAcquirersResponseCode() {
        CardDeclinedException insufficient = catchThrowableOfType(CardDeclinedException.class,
                () -> payments.purchase(CardPurchase.keyed("R01", eur("20.51"), VISA, "3012", null)));
        CardDeclinedException doNotHonour = catchThrowableOfType(CardDeclinedException.class,
                () -> payments.purchase(CardPurchase.keyed("R01", eur("20.05"), VISA, "3012", null)));

        assertThat(insufficient.responseCode()).isEqualTo("51");
        assertThat(insufficient.getMessage()).contains("Insufficient funds");
        assertThat(insufficient.status().value()).isEqualTo(402);
        assertThat(insufficient.type()).isEqualTo("card-declined");
        assertThat(insufficient.properties()).containsEntry("responseCode", "51");
        assertThat(doNotHonour.responseCode()).isEqualTo("05");
        assertThat(doNotHonour.getMessage()).contains("Do not honour");
        assertThat(row(insufficient.reference())).containsEntry("STATUS", "DECLINED").containsEntry("RESPONSE_CODE", "51");
    }

    @Test
    void reversesAPurchaseThatGetsNoAnswerInTime() {
        CardOutcomeUnknownException unknown = catchThrowableOfType(CardOutcomeUnknownException.class,
                () -> payments.purchase(CardPurchase.keyed("R01", eur("66.66"), VISA, "3012", null)));

        assertThat(unknown.status().value()).isEqualTo(502);
        assertThat(unknown.type()).isEqualTo("card-outcome-unknown");
        SimulatorMessage purchase = only("0200");
        SimulatorMessage reversal = only("0400");
        assertThat(reversal.field(90)).isEqualTo("0200" + purchase.field(11) + purchase.field(7) + "0".repeat(22));
        assertThat(reversal.fields()).containsEntry(4, "000000006666").containsEntry(3, "000000")
                .doesNotContainKeys(2, 14, 35);
        assertThat(row(unknown.reference())).containsEntry("STATUS", "REVERSED");
        await().atMost(Duration.ofSeconds(10)).until(() -> "ACKNOWLEDGED".equals(reversal(unknown.reference()).get("STATUS")));
        assertThat(reversal(unknown.reference())).containsEntry("RESPONSE_CODE", "00");
    }

    @Test
    void reversesAPurchaseWhenTheAcquirerDropsTheLink() {
        CardOutcomeUnknownException unknown = catchThrowableOfType(CardOutcomeUnknownException.class,
                () -> payments.purchase(CardPurchase.keyed("R01", eur("99.99"), VISA, "3012", null)));

        await().atMost(Duration.ofSeconds(10)).until(() -> "ACKNOWLEDGED".equals(reversal(unknown.reference()).get("STATUS")));
        SimulatorMessage purchase = only("0200");
        assertThat(sent("0400").isEmpty() ? only("0401") : only("0400")).satisfies(r -> assertThat(r.field(90))
                .startsWith("0200" + purchase.field(11) + purchase.field(7)));
        assertThat(reversal(unknown.reference())).containsEntry("RESPONSE_CODE", "00");
    }

    @Test
    void givesARefundBackToThePurchaseWhenTheRefundIsReversed() {
        CardAuthorization auth = payments.purchase(CardPurchase.keyed("R01", eur("100.00"), VISA, "3012", null));

        CardOutcomeUnknownException unknown = catchThrowableOfType(CardOutcomeUnknownException.class,
                () -> payments.refund(auth.reference(), eur("66.66"), "R01", "RET-9"));
        await().atMost(Duration.ofSeconds(10)).until(() -> "ACKNOWLEDGED".equals(reversal(unknown.reference()).get("STATUS")));

        assertThat(only("0400").processingCode()).isEqualTo("200000");
        assertThat(payments.refund(auth.reference(), eur("100.00"), "R01", "RET-10").remaining()).isEqualTo(eur("0.00"));
    }

    @Test
    void repeatsTheReversalAs0401WhenTheAcquirerComesBack() throws Exception {
        CompletableFuture<CardOutcomeUnknownException> outcome = CompletableFuture.supplyAsync(() ->
                catchThrowableOfType(CardOutcomeUnknownException.class,
                        () -> payments.purchase(CardPurchase.keyed("R02", eur("66.66"), VISA, "3012", null))));
        await().atMost(Duration.ofSeconds(10)).until(() -> !sent("0200").isEmpty());
        simulator.down();

        CardOutcomeUnknownException unknown = outcome.get(20, TimeUnit.SECONDS);
        assertThat(reversal(unknown.reference())).containsEntry("STATUS", "PENDING").containsEntry("ATTEMPTS", 1);
        assertThat(sent("0400")).isEmpty();
        simulator.up();

        await().atMost(Duration.ofSeconds(20))
                .until(() -> "ACKNOWLEDGED".equals(reversal(unknown.reference()).get("STATUS")));
        SimulatorMessage purchase = only("0200");
        assertThat(only("0401").field(90)).startsWith("0200" + purchase.field(11) + purchase.field(7));
    }

    @Test
    void reversesAnApprovedPurchaseOnRequest() {
        CardAuthorization auth = payments.purchase(CardPurchase.keyed("R01", eur("15.00"), VISA, "3012", null));

        payments.reverse(auth, "post-void");
        payments.reverse(auth, "post-void again");

        assertThat(only("0400").field(90)).startsWith("0200" + auth.stan());
        assertThat(reversal(auth.reference())).containsEntry("STATUS", "ACKNOWLEDGED").containsEntry("ATTEMPTS", 1);
        assertThat(row(auth.reference())).containsEntry("STATUS", "REVERSED");
    }

    @Test
    void refundsByReferenceWithoutCardDataAndNeverMoreThanWasPaid() {
        CardAuthorization auth = payments.purchase(CardPurchase.keyed("R01", eur("50.00"), VISA, "3012", null));

        CardRefund first = payments.refund(auth.reference(), eur("20.00"), "R02", "RET-1");
        ProblemException tooMuch = catchThrowableOfType(ProblemException.class,
                () -> payments.refund(auth.reference(), eur("30.01"), "R02", "RET-2"));
        CardRefund rest = payments.refund(auth.reference(), eur("30.00"), "R02", "RET-3");

        assertThat(first.remaining()).isEqualTo(eur("30.00"));
        assertThat(first.maskedPan()).isEqualTo(auth.maskedPan());
        assertThat(tooMuch.type()).isEqualTo("card-refund-exceeds-remaining");
        assertThat(tooMuch.properties()).containsEntry("remaining", "30.00");
        assertThat(rest.remaining()).isEqualTo(eur("0.00"));
        List<SimulatorMessage> refunds = sent("0200").stream().filter(m -> "200000".equals(m.processingCode())).toList();
        assertThat(refunds).hasSize(2);
        assertThat(refunds.get(0).fields()).containsEntry(4, "000000002000").containsEntry(37, auth.rrn())
                .doesNotContainKeys(2, 14, 35);
        assertThat(refunds.get(1).field(4)).isEqualTo("000000003000");
    }

    @Test
    void checksTheCardBeforeSendingAnything() {
        ProblemException luhn = catchThrowableOfType(ProblemException.class,
                () -> payments.purchase(CardPurchase.keyed("R01", eur("5.00"), "4761739001010011", "3012", null)));
        ProblemException expired = catchThrowableOfType(ProblemException.class,
                () -> payments.purchase(CardPurchase.keyed("R01", eur("5.00"), VISA, "2001", null)));
        ProblemException month = catchThrowableOfType(ProblemException.class,
                () -> payments.purchase(CardPurchase.keyed("R01", eur("5.00"), VISA, "3013", null)));
        ProblemException track = catchThrowableOfType(ProblemException.class,
                () -> payments.purchase(CardPurchase.swiped("R01", eur("5.00"), "5413330089010434", null)));

        assertThat(luhn.type()).isEqualTo("invalid-card-number");
        assertThat(luhn.status().value()).isEqualTo(422);
        assertThat(expired.type()).isEqualTo("card-expired");
        assertThat(month.type()).isEqualTo("invalid-card-expiry");
        assertThat(track.type()).isEqualTo("invalid-track-data");
        assertThat(sent("0200")).isEmpty();
    }

    @Test
    void refusesAtOnceWhenTheLinkIsDown() {
        simulator.down();
        await().atMost(Duration.ofSeconds(10)).until(() -> !payments.status().connected());

        AcquirerUnavailableException down = catchThrowableOfType(AcquirerUnavailableException.class,
                () -> payments.purchase(CardPurchase.keyed("R01", eur("5.00"), VISA, "3012", null)));

        assertThat(down.status().value()).isEqualTo(503);
        assertThat(payments.status().signedOn()).isFalse();
        simulator.up();
    }

    @Test
    void reportsTheLinkOverHttpAndInHealth() throws Exception {
        HttpResponse<String> status = get("/api/v1/payments/status", "clerk:clerk");
        HttpResponse<String> health = get("/actuator/health/acquirer", "admin:admin");

        assertThat(status.statusCode()).isEqualTo(200);
        assertThat(status.body()).contains("\"signedOn\":true", "\"pendingReversals\":",
                "\"acquirerPort\":" + simulator.port(), "\"acquirerHost\":\"127.0.0.1\"", "\"lastEchoAt\":\"20");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"", "\"signedOn\":true", "\"pendingReversals\":");
    }

    private HttpResponse<String> get(String path, String credentials) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))
                .GET().build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    private List<SimulatorMessage> sent(String mti) {
        return simulator.received().stream().filter(m -> m.mti().equals(mti)).toList();
    }

    private SimulatorMessage only(String mti) {
        List<SimulatorMessage> messages = sent(mti);
        assertThat(messages).as("%s messages received", mti).hasSize(1);
        return messages.get(0);
    }

    private Map<String, Object> row(String reference) {
        return jdbc.sql("SELECT * FROM card_transaction WHERE reference = ?").param(reference).query().singleRow();
    }

    private Map<String, Object> reversal(String reference) {
        return jdbc.sql("SELECT * FROM payment_reversal WHERE transaction_ref = ?").param(reference).query().singleRow();
    }

    static Money eur(String amount) {
        return Money.of(amount, EUR);
    }
}
