package io.storedesk.pos.payment;

import static io.storedesk.pos.payment.PaymentTestSupport.VISA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.storedesk.pos.PosApplication;
import io.storedesk.pos.payment.simulator.AcquirerSimulator;
import io.storedesk.pos.payment.simulator.SimulatorMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A reversal that could not be sent before the service stopped is sent by the next run on the
 * same data directory, with no card data kept anywhere in between. The simulator outlives both
 * runs, as a real acquirer would.
 */
class ReversalRestartIntegrationTests {

    private static final String DATA_DIR = "./target/test-data/reversal-restart";
    private static AcquirerSimulator simulator;

    @BeforeAll
    static void startAcquirer() {
        PaymentTestSupport.deleteRecursively(Path.of(DATA_DIR));
        simulator = new AcquirerSimulator(PaymentTestSupport.packager(), Duration.ofSeconds(3)).start();
    }

    @AfterAll
    static void stopAcquirer() {
        simulator.stop();
    }

    @Test
    void sendsAPendingReversalAfterARestart() {
        CardAuthorization auth;
        try (ConfigurableApplicationContext first = start()) {
            CardPayments payments = first.getBean(CardPayments.class);
            await().atMost(Duration.ofSeconds(20)).until(() -> payments.status().signedOn());
            auth = payments.purchase(CardPurchase.keyed("R01", PaymentTestSupport.eur("42.00"), VISA, "3012",
                    null));
            simulator.down();
            await().atMost(Duration.ofSeconds(10)).until(() -> !payments.status().connected());

            payments.reverse(auth, "post-void");

            assertThat(reversal(first, auth.reference())).containsEntry("STATUS", "PENDING");
            assertThat(payments.status().pendingReversals()).isEqualTo(1);
        }
        assertThat(reversals()).isEmpty();
        simulator.up();

        try (ConfigurableApplicationContext second = start()) {
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> "ACKNOWLEDGED".equals(reversal(second, auth.reference()).get("STATUS")));
            assertThat(reversals()).singleElement().satisfies(r -> {
                assertThat(r.mti()).isEqualTo("0401");
                assertThat(r.field(90)).startsWith("0200" + auth.stan());
                assertThat(r.fields()).containsEntry(4, "000000004200").doesNotContainKeys(2, 14, 35);
            });
            assertThat(reversal(second, auth.reference())).containsEntry("RESPONSE_CODE", "00");
        }
    }

    private static ConfigurableApplicationContext start() {
        Map<String, Object> properties = PaymentTestSupport.properties(DATA_DIR);
        properties.put("pos.payment.simulator.enabled", "false");
        properties.put("pos.payment.acquirer.host", simulator.host());
        properties.put("pos.payment.acquirer.port", simulator.port());
        properties.put("server.port", "0");
        // As command-line arguments: they must win over config/application.yml, which default
        // properties (SpringApplicationBuilder.properties) would not.
        return new SpringApplicationBuilder(PosApplication.class)
                .run(properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new));
    }

    private static List<SimulatorMessage> reversals() {
        return simulator.received().stream().filter(m -> m.mti().startsWith("040")).toList();
    }

    private static Map<String, Object> reversal(ConfigurableApplicationContext context, String reference) {
        return context.getBean(JdbcClient.class).sql("SELECT * FROM payment_reversal WHERE transaction_ref = ?")
                .param(reference).query().singleRow();
    }
}
