package io.storedesk.pos.reliability;

import java.math.BigDecimal;
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
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The disk filling up under the store, with the service as a real process: it runs under
 * {@code ulimit -f} a little above its database file's size, so H2 starts but cannot grow the
 * file while clerks sell (a write past the limit fails with "File too large", as on a full disk).
 * The sale that meets the full disk gets a clear 503 {@code storage-full}, the service keeps
 * answering so and reports DOWN; after a restart with room again every acknowledged sale is there
 * once, the failed sale repeated with its Idempotency-Key exists once, receipt numbers have no
 * gaps, the journal verifies, the drawer adds up and new sales work.
 */
class DiskFullIntegrationTests {

    private static final String SALE = """
            {"drawerId":"D1","lines":[{"sku":"LV-1001","quantity":2},{"sku":"CZ-3001","quantity":1}],
             "tenders":[{"type":"CASH","amount":"50.00"}]}""";
    /** Room left for the database file to grow after start-up. */
    private static final long ROOM = 256 * 1024;
    private static final int MAX_SALES = 900;

    @Test
    void aFullDiskGivesAClearErrorKeepsWhatWasAcknowledgedAndARestartRecovers() throws Exception {
        Path dataDir = Path.of("target", "test-data", "disk-full-" + UUID.randomUUID());
        Map<String, String> acknowledged = new LinkedHashMap<>();   // idempotency key -> receipt number
        try (ServiceProcess service = new ServiceProcess(dataDir)) {
            service.start();
            Api api = new Api(service.port());
            assertThat(api.post("/api/v1/drawers/D1/open", "clerk", "{\"float\":{\"50.00\":2}}").status()).isEqualTo(201);
            sell(api, acknowledged);
            service.close();

            long size = Files.size(dataDir.resolve("pos.mv.db"));
            service.fileSizeLimit(size + ROOM).start();
            api = new Api(service.port());
            sell(api, acknowledged);   // still room for a few
            String failedKey = null;
            Api.Response failed = null;
            for (int i = 0; i < MAX_SALES && failed == null; i++) {
                String key = UUID.randomUUID().toString();
                Api.Response r = api.postIdempotent("/api/v1/sales", "clerk", key, SALE);
                if (r.status() == 201) {
                    acknowledged.put(key, r.text("receiptNumber"));
                } else {
                    failedKey = key;
                    failed = r;
                }
            }
            assertThat(failed).as("a sale meets the full disk within %d sales", MAX_SALES).isNotNull();
            System.out.printf("disk full: database file %d bytes at start-up, limit %d, %d sales acknowledged, then %s%n",
                    size, size + ROOM, acknowledged.size(), failed);
            assertFullDiskProblem(failed);

            // it keeps saying so, for sales and other writes, and reports DOWN
            assertFullDiskProblem(api.postIdempotent("/api/v1/sales", "clerk", UUID.randomUUID().toString(), SALE));
            assertFullDiskProblem(api.post("/api/v1/drawers/D1/movements", "clerk",
                    "{\"type\":\"PAID_IN\",\"amount\":\"1.00\",\"reason\":\"change from the safe\"}"));
            // reads answer what was stored, or the same clear 503; never a 500
            String firstReceipt = acknowledged.values().iterator().next();
            Api.Response read = api.get("/api/v1/sales/" + firstReceipt, "clerk");
            if (read.status() == 200) {
                assertThat(read.text("receiptNumber")).isEqualTo(firstReceipt);
            } else {
                assertFullDiskProblem(read);
            }
            Api.Response health = api.get("/actuator/health", "admin");
            System.out.printf("disk full: reading a sale then gave %d, health %s%n", read.status(), health.body());
            assertThat(health.status()).as(health.body()).isEqualTo(503);
            assertThat(health.json().get("status").asString()).isEqualTo("DOWN");
            assertThat(health.json().get("components").get("storage").get("status").asString()).isEqualTo("DOWN");

            service.close();
            service.fileSizeLimit(0).start();
            api = new Api(service.port());

            // the failed sale is not there, or (if H2 stored it before giving up) there whole: never in part
            List<JsonNode> sales = check(api, acknowledged, 1);
            assertThat(sales).hasSize(acknowledged.size());
            Api.Response again = api.postIdempotent("/api/v1/sales", "clerk", failedKey, SALE);
            assertThat(again.status()).as(again.body()).isEqualTo(201);
            acknowledged.put(failedKey, again.text("receiptNumber"));
            Api.Response next = api.postIdempotent("/api/v1/sales", "clerk", UUID.randomUUID().toString(), SALE);
            assertThat(next.status()).as(next.body()).isEqualTo(201);
            acknowledged.put("after", next.text("receiptNumber"));
            sales = check(api, acknowledged, 0);
            assertThat(sales).hasSize(acknowledged.size());

            BigDecimal cash = sales.stream().flatMap(s -> s.get("tenders").valueStream())
                    .filter(t -> "CASH".equals(t.get("type").asString()))
                    .map(t -> new BigDecimal(t.get("amount").asString())).reduce(BigDecimal.ZERO, BigDecimal::add);
            JsonNode x = api.get("/api/v1/drawers/D1/x-report", "manager").json();
            assertThat(new BigDecimal(x.get("expectedCash").asString())).isEqualByComparingTo(cash.add(new BigDecimal("100.00")));
        }
    }

    private static void sell(Api api, Map<String, String> acknowledged) {
        for (int i = 0; i < 3; i++) {
            String key = UUID.randomUUID().toString();
            Api.Response r = api.postIdempotent("/api/v1/sales", "clerk", key, SALE);
            assertThat(r.status()).as(r.body()).isEqualTo(201);
            acknowledged.put(key, r.text("receiptNumber"));
        }
    }

    private static void assertFullDiskProblem(Api.Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(503);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.text("type")).endsWith("/storage-full");
        assertThat(r.text("detail")).contains("disk is full").contains("restart");
        assertThat(r.body()).doesNotContainIgnoringCase("exception").doesNotContainIgnoringCase("sql")
                .doesNotContain("org.h2");
    }

    /**
     * Every acknowledged sale is there once, besides them at most {@code unacknowledged} others;
     * receipt numbers gapless; the journal verifies.
     */
    private static List<JsonNode> check(Api api, Map<String, String> acknowledged, int unacknowledged) {
        List<JsonNode> sales = new ArrayList<>();
        for (String receipt : acknowledged.values()) {
            Api.Response r = api.get("/api/v1/sales/" + receipt, "clerk");
            assertThat(r.status()).as("acknowledged sale " + receipt).isEqualTo(200);
            sales.add(r.json());
        }
        assertThat(acknowledged.values()).doesNotHaveDuplicates();
        JsonNode all = api.get("/api/v1/sales?from=2000-01-01&to=2999-12-31&limit=1000", "manager").json();
        List<Long> sequences = new ArrayList<>();
        all.valueStream().forEach(s -> {
            String number = s.get("receiptNumber").asString();
            sequences.add(Long.parseLong(number.substring(number.lastIndexOf('-') + 1)));
        });
        sequences.sort(null);
        System.out.printf("disk full: %d sales in the database, %d acknowledged%n", sequences.size(), acknowledged.size());
        assertThat(sequences.size()).as("sales in the database").isBetween(acknowledged.size(),
                acknowledged.size() + unacknowledged);
        for (int i = 0; i < sequences.size(); i++) {
            assertThat(sequences.get(i)).as("receipt sequence").isEqualTo(i + 1L);
        }
        JsonNode journal = api.get("/api/v1/journal/verify", "manager").json();
        assertThat(journal.get("valid").asBoolean()).as(journal.toString()).isTrue();
        return sales;
    }
}
