package io.storedesk.pos.reliability;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import io.storedesk.pos.payment.simulator.AcquirerSimulator;
import io.storedesk.pos.payment.simulator.SimulatorMessage;
import io.storedesk.pos.support.Api;
import io.storedesk.pos.support.ServiceProcess;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A card reversal that could not be sent before the service was killed is sent by the next run
 * of the process on the same data directory: the service runs as a real process against an
 * acquirer simulator that outlives it, a post-void queues the reversal while the acquirer is
 * down, the process is killed with SIGKILL, and after the restart the acquirer receives it.
 */
class ReversalAfterCrashIntegrationTests {

    static final String VISA = "4761739001010010";
    static final String APPROVAL = "\"approval\":{\"manager\":\"manager\",\"pin\":\"1234\"}";

    @Test
    void aReversalQueuedBeforeAKillIsSentAfterTheRestart() throws Exception {
        Path dataDir = Path.of("target", "test-data", "reversal-crash-" + UUID.randomUUID());
        try (AcquirerSimulator simulator = new AcquirerSimulator(Path.of("config", "jpos", "packager",
                "iso87ascii.xml").toAbsolutePath(), Duration.ofSeconds(3)).start();
                ServiceProcess service = new ServiceProcess(dataDir, List.of("--pos.payment.simulator.enabled=false",
                        "--pos.payment.acquirer.host=" + simulator.host(),
                        "--pos.payment.acquirer.port=" + simulator.port(),
                        "--pos.payment.acquirer.reconnect-delay=200ms", "--pos.payment.reversal.poll-interval=500ms",
                        "--pos.payment.echo-interval=1s", "--pos.payment.timeout=2s"))) {
            service.start();
            Api api = new Api(service.port());
            await().atMost(Duration.ofSeconds(30)).until(() ->
                    api.get("/api/v1/payments/status", "clerk").json().get("signedOn").asBoolean());
            Api.Response sale = api.post("/api/v1/sales", "clerk", """
                    {"drawerId":"D1","lines":[{"sku":"EL-2002","quantity":1}],
                     "tenders":[{"type":"CARD","card":{"pan":"%s","expiry":"3012"}}]}""".formatted(VISA));
            assertThat(sale.status()).as(sale.body()).isEqualTo(201);

            simulator.down();
            await().atMost(Duration.ofSeconds(15)).until(() ->
                    !api.get("/api/v1/payments/status", "clerk").json().get("connected").asBoolean());
            Api.Response voided = api.post("/api/v1/sales/" + sale.text("receiptNumber") + "/void", "clerk",
                    "{\"reason\":\"wrong card\"," + APPROVAL + "}");
            assertThat(voided.status()).as(voided.body()).isEqualTo(200);
            assertThat(api.get("/api/v1/payments/status", "clerk").json().get("pendingReversals").asInt()).isOne();
            assertThat(reversals(simulator)).isEmpty();

            service.kill();
            simulator.up();
            service.start();

            await().atMost(Duration.ofSeconds(60)).until(() -> !reversals(simulator).isEmpty());
            assertThat(reversals(simulator).get(0).fields()).containsEntry(4, "000000004900").doesNotContainKeys(2, 35);
            Api after = new Api(service.port());
            await().atMost(Duration.ofSeconds(30)).until(() ->
                    after.get("/api/v1/payments/status", "clerk").json().get("pendingReversals").asInt() == 0);
            assertThat(after.get("/api/v1/sales/" + sale.text("receiptNumber"), "clerk").text("status"))
                    .isEqualTo("VOIDED");
        }
    }

    private static List<SimulatorMessage> reversals(AcquirerSimulator simulator) {
        return simulator.received().stream().filter(m -> m.mti().startsWith("040")).toList();
    }
}
