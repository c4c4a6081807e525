package io.storedesk.pos.payment;

import static io.storedesk.pos.payment.PaymentTestSupport.VISA;
import static io.storedesk.pos.payment.PaymentTestSupport.eur;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.storedesk.pos.common.ProblemException;
import io.storedesk.pos.payment.simulator.SimulatorMessage;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * When the outcome is unknown (no answer in time, dropped link, acquirer gone) the reversal is
 * queued, sent as 0400 and repeated as 0401 until acknowledged; post-void reversals; refunds by
 * reference, which carry no card data and never exceed what was paid.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "pos.data-dir=./target/test-data/reversals-and-refunds")
class ReversalsAndRefundsIntegrationTests extends AcquirerSimulatorTest {

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        PaymentTestSupport.register(registry, "./target/test-data/reversals-and-refunds");
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
}
