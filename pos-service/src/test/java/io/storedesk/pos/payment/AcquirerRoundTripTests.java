package io.storedesk.pos.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import io.storedesk.pos.payment.simulator.AcquirerSimulator;
import org.junit.jupiter.api.Test;

/** The benchmark helper works: every round trip is timed and approved. */
class AcquirerRoundTripTests {

    @Test
    void timesSequentialPurchasesAgainstTheSimulator() throws Exception {
        try (AcquirerSimulator simulator = new AcquirerSimulator(PaymentTestSupport.packager(), Duration.ofSeconds(3))
                .start()) {
            AcquirerRoundTrip.Result result = AcquirerRoundTrip.run(simulator.host(), simulator.port(),
                    PaymentTestSupport.packager(), 50);

            assertThat(result.nanos()).hasSize(50);
            assertThat(result.approved()).isEqualTo(50);
            assertThat(result.p95()).isGreaterThanOrEqualTo(result.median()).isPositive();
        }
    }
}
