package io.storedesk.pos.common;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import io.storedesk.pos.support.Api;
import io.storedesk.pos.support.ServiceProcess;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fingerprint secret is created at the first start and kept across restarts: after a restart
 * the stored fingerprints still match, so a repeat replays and another request under the same key
 * is still refused.
 */
class FingerprintSecretRestartIntegrationTests {

    private static final String SALE = """
            {"drawerId":"D1","lines":[{"sku":"LV-1002","quantity":1}],"tenders":[{"type":"CASH","amount":"5.00"}]}""";

    @Test
    void theSecretSurvivesARestartAndRepeatsStillReplay() throws Exception {
        Path dataDir = Path.of("target", "test-data", "fingerprint-restart-" + UUID.randomUUID());
        Path secret = dataDir.resolve("secrets").resolve("fingerprint.key");
        try (ServiceProcess service = new ServiceProcess(dataDir)) {
            service.start();
            Api api = new Api(service.port());
            assertThat(api.post("/api/v1/drawers/D1/open", "clerk", "{\"float\":{\"20.00\":2}}").status())
                    .isEqualTo(201);
            Api.Response first = api.postIdempotent("/api/v1/sales", "clerk", "restart-1", SALE);
            assertThat(first.status()).as(first.body()).isEqualTo(201);
            String before = Files.readString(secret);

            service.close();
            service.start();

            Api after = new Api(service.port());
            assertThat(Files.readString(secret)).isEqualTo(before);
            Api.Response repeat = after.postIdempotent("/api/v1/sales", "clerk", "restart-1", SALE);
            assertThat(repeat.status()).isEqualTo(201);
            assertThat(repeat.text("receiptNumber")).isEqualTo(first.text("receiptNumber"));
            Api.Response other = after.postIdempotent("/api/v1/sales", "clerk", "restart-1",
                    SALE.replace("\"quantity\":1", "\"quantity\":2"));
            assertThat(other.status()).isEqualTo(422);
        }
    }
}
