package io.storedesk.pos.payment;

import static io.storedesk.pos.payment.PaymentTestSupport.MASTERCARD_TRACK2;
import static io.storedesk.pos.payment.PaymentTestSupport.VISA;
import static io.storedesk.pos.payment.PaymentTestSupport.eur;
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

import io.storedesk.pos.common.ProblemException;
import io.storedesk.pos.payment.simulator.SimulatorMessage;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Purchases and declines against the bundled simulator over TCP, with the client finding the
 * simulator's port by itself (acquirer port 0); card checks, link status and health.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "pos.data-dir=./target/test-data/card-payments")
class CardPaymentsIntegrationTests extends AcquirerSimulatorTest {
    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        PaymentTestSupport.register(registry, "./target/test-data/card-payments");
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
}
