package io.storedesk.pos.payment;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.storedesk.pos.payment.simulator.AcquirerSimulator;
import io.storedesk.pos.payment.simulator.SimulatorMessage;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the payment tests against the bundled simulator share: before each test the simulator is up, the client signed
 * on and the simulator's inbox empty; and reading what the simulator received and what was recorded. Each test class
 * keeps its own {@code @SpringBootTest} data directory ({@link PaymentTestSupport#register}).
 */
abstract class AcquirerSimulatorTest {

    @Autowired
    CardPayments payments;
    @Autowired
    AcquirerSimulator simulator;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void signedOn() {
        simulator.up();
        await().atMost(Duration.ofSeconds(20)).until(() -> payments.status().signedOn());
        simulator.clearReceived();
    }

    List<SimulatorMessage> sent(String mti) {
        return PaymentTestSupport.sent(simulator, mti);
    }

    SimulatorMessage only(String mti) {
        return PaymentTestSupport.only(simulator, mti);
    }

    /** The card transaction's row. */
    Map<String, Object> row(String reference) {
        return PaymentTestSupport.transaction(jdbc, reference);
    }

    /** The reversal row of a transaction. */
    Map<String, Object> reversal(String reference) {
        return PaymentTestSupport.reversal(jdbc, reference);
    }
}
