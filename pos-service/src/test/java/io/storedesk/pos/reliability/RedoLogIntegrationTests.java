package io.storedesk.pos.reliability;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.storedesk.pos.support.Api;
import io.storedesk.pos.support.ServiceProcess;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The redo log as a store sees it: the service runs as a real process with H2's own stores put
 * off for an hour and the log never cut, so every sale after start-up exists only in memory and
 * in the redo log when the process is killed. After the restart each acknowledged sale is there
 * with its total, the drawer expects the cash, the journal verifies, and the log says what it
 * recovered; a clean stop leaves no log behind.
 */
class RedoLogIntegrationTests {

    private static final String SALE = """
            {"drawerId":"D1","lines":[{"sku":"LV-1001","quantity":2},{"sku":"CZ-3001","quantity":1}],
             "tenders":[{"type":"CASH","amount":"50.00"}]}""";

    @Test
    void salesOnlyInTheRedoLogWhenTheProcessIsKilledAreAllThereAfterTheRestart() throws Exception {
        Path dataDir = Path.of("target", "test-data", "redo-" + UUID.randomUUID()).toAbsolutePath();
        List<String> noStores = List.of("--spring.datasource.url=jdbc:h2:file:" + dataDir.resolve("pos")
                + ";LOCK_TIMEOUT=10000;WRITE_DELAY=3600000;DB_CLOSE_ON_EXIT=FALSE", "--pos.durability.redo-cut-millis=3600000", "--logging.level.io.storedesk.pos.common.internal.RedoLog=DEBUG");
        Map<String, String> acknowledged = new LinkedHashMap<>();   // receipt number -> total
        try (ServiceProcess service = new ServiceProcess(dataDir, noStores)) {
            service.start();
            Api api = new Api(service.port());
            assertThat(api.post("/api/v1/drawers/D1/open", "clerk", "{\"float\":{\"50.00\":2}}").status()).isEqualTo(201);
            for (int i = 0; i < 25; i++) {
                Api.Response r = api.postIdempotent("/api/v1/sales", "clerk", UUID.randomUUID().toString(), SALE);
                assertThat(r.status()).as(r.body()).isEqualTo(201);
                acknowledged.put(r.text("receiptNumber"), r.json().get("total").asString());
            }
            String expectedCash = api.get("/api/v1/drawers/D1/x-report", "manager").json().get("expectedCash").asString();
            assertThat(logFiles(dataDir)).as("redo log files while selling").isNotEmpty();

            service.kill();
            service.start();
            api = new Api(service.port());
            for (Map.Entry<String, String> sale : acknowledged.entrySet()) {
                Api.Response r = api.get("/api/v1/sales/" + sale.getKey(), "clerk");
                assertThat(r.status()).as("acknowledged sale " + sale.getKey() + " after the kill").isEqualTo(200);
                assertThat(r.json().get("total").asString()).isEqualTo(sale.getValue());
            }
            assertThat(api.get("/api/v1/drawers/D1/x-report", "manager").json().get("expectedCash").asString())
                    .isEqualTo(expectedCash);
            assertThat(api.get("/api/v1/journal/verify", "manager").json().get("valid").asBoolean()).isTrue();
            assertThat(Files.readString(dataDir.resolveSibling(dataDir.getFileName() + "-process.log")))
                    .containsPattern("Recovered (2[6-9]|[3-9]\\d) committed transaction\\(s\\) from the redo log");

            Api.Response next = api.postIdempotent("/api/v1/sales", "clerk", UUID.randomUUID().toString(), SALE);
            assertThat(next.status()).as(next.body()).isEqualTo(201);
            service.close();
            assertThat(logFiles(dataDir)).as("redo log files after a clean stop").isEmpty();
        }
    }

    private static List<Path> logFiles(Path dataDir) throws Exception {
        Path redo = dataDir.resolve("redo");
        if (!Files.isDirectory(redo)) {
            return List.of();
        }
        try (var s = Files.list(redo)) {
            return new ArrayList<>(s.toList());
        }
    }
}
