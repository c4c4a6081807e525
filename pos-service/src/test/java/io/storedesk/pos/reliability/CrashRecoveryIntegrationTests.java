package io.storedesk.pos.reliability;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.storedesk.pos.support.Api;
import io.storedesk.pos.support.ServiceProcess;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Kills the service with SIGKILL while clerks are selling, taking returns and paying cash into
 * their drawers, three times, and checks after each restart that nothing acknowledged was lost or
 * doubled: every sale, return and cash movement that got a 201 is there once, receipt numbers and
 * journal chains have no gaps, the journal verifies, a request cut off by the crash can be
 * repeated with its Idempotency-Key and then exists exactly once, and each drawer's expected cash
 * is its float plus the cash of its sales and paid-ins less the cash of its refunds.
 */
class CrashRecoveryIntegrationTests {

    private static final String[] DRAWERS = {"D1", "D2"};

    @Test
    void acknowledgedSalesSurviveKillsAndNothingIsDoubled() throws Exception {
        Path dataDir = Path.of("target", "test-data", "crash-" + UUID.randomUUID());
        Map<String, String> acknowledged = new ConcurrentHashMap<>();   // idempotency key -> receipt
        Map<String, String> bodies = new ConcurrentHashMap<>();         // idempotency key -> request body
        Set<String> cutOff = ConcurrentHashMap.newKeySet();
        Ops ops = new Ops();
        int kills = 0;
        try (ServiceProcess service = new ServiceProcess(dataDir)) {
            service.start();
            Api api = new Api(service.port());
            for (String d : DRAWERS) {
                assertThat(api.post("/api/v1/drawers/" + d + "/open", "clerk", "{\"float\":{\"50.00\":2}}").status())
                        .isEqualTo(201);
            }
            for (int round = 0; round < 3; round++) {
                drive(Map.of("D1", api.signedIn("clerk", "R01"), "D2", api.signedIn("clerk", "R02")), acknowledged, bodies, cutOff, ops, 500 + ThreadLocalRandom.current().nextInt(2500));
                service.kill();
                kills++;
                service.start();
                api = new Api(service.port());
                check(api, acknowledged);
            }
            // Repeat what the crash cut off: each key ends with exactly one sale.
            for (String key : cutOff) {
                Api.Response again = api.postIdempotent("/api/v1/sales", "clerk", key, bodies.get(key));
                assertThat(again.status()).as(again.body()).isEqualTo(201);
                acknowledged.put(key, again.text("receiptNumber"));
            }
            for (String key : ops.cutOff) {
                Op op = ops.requests.get(key);
                Api.Response again = api.postIdempotent(op.path(), "clerk", key, op.body());
                assertThat(again.status()).as(op.path() + " " + again.body()).isEqualTo(201);
                ops.acknowledged.put(key, op.path().equals("/api/v1/returns") ? again.text("returnNumber") : op.path());
            }
            List<JsonNode> sales = check(api, acknowledged);
            assertThat(new TreeSet<>(acknowledged.values())).hasSize(acknowledged.size());
            assertThat(sales).hasSize(acknowledged.size());
            Map<String, BigDecimal> otherCash = new TreeMap<>();
            for (Map.Entry<String, String> e : ops.acknowledged.entrySet()) {
                Op op = ops.requests.get(e.getKey());
                if (op.path().equals("/api/v1/returns")) {
                    Api.Response ret = api.get("/api/v1/returns/" + e.getValue(), "clerk");
                    assertThat(ret.status()).as("acknowledged return " + e.getValue()).isEqualTo(200);
                    ret.json().get("refunds").valueStream().filter(f -> "CASH".equals(f.get("type").asString()))
                            .forEach(f -> otherCash.merge(op.drawer(), new BigDecimal(f.get("amount").asString()).negate(),
                                    BigDecimal::add));
                } else {
                    otherCash.merge(op.drawer(), new BigDecimal("1.00"), BigDecimal::add);
                }
            }
            List<String> returnNumbers = ops.acknowledged.values().stream().filter(v -> v.contains("-RET-")).toList();
            assertThat(new TreeSet<>(returnNumbers)).hasSameSizeAs(returnNumbers);
            long returnedUnits = sales.stream().mapToLong(s -> s.get("lines").get(1).get("returnedQuantity").asLong()).sum();
            assertThat(returnedUnits).as("each acknowledged return took back one unit, once").isEqualTo(returnNumbers.size());
            for (String d : DRAWERS) {
                BigDecimal cash = sales.stream().filter(s -> d.equals(s.get("drawerId").asString()))
                        .flatMap(s -> s.get("tenders").valueStream())
                        .filter(t -> "CASH".equals(t.get("type").asString()))
                        .map(t -> new BigDecimal(t.get("amount").asString())).reduce(BigDecimal.ZERO, BigDecimal::add)
                        .add(otherCash.getOrDefault(d, BigDecimal.ZERO));
                JsonNode x = api.get("/api/v1/drawers/" + d + "/x-report", "manager").json();
                assertThat(new BigDecimal(x.get("expectedCash").asString()))
                        .isEqualByComparingTo(cash.add(new BigDecimal("100.00")));
            }
        }
        assertThat(kills).isEqualTo(3);
        assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(60);
        assertThat(ops.acknowledged.values()).anyMatch(v -> v.contains("-RET-"));
        System.out.printf("crash test: %d kills, %d sales and %d returns/cash movements acknowledged, %d requests cut off "
                + "and repeated%n", kills, acknowledged.size(), ops.acknowledged.size(), cutOff.size() + ops.cutOff.size());
    }

    /** A return or a paid-in, as sent. */
    private record Op(String path, String drawer, String body) {
    }

    /** Returns and cash movements: sent, acknowledged (key -> return number or path), cut off; sales still to return. */
    private static final class Ops {
        final Map<String, Op> requests = new ConcurrentHashMap<>();
        final Map<String, String> acknowledged = new ConcurrentHashMap<>();
        final Set<String> cutOff = ConcurrentHashMap.newKeySet();
        final Map<String, java.util.Queue<String>> returnable = new ConcurrentHashMap<>();
    }

    /**
     * Four clerks sell, and now and then take back the second line of one of their earlier sales or
     * pay 1.00 into the drawer, until the time is up; what got a 201 is remembered, what got no answer too.
     */
    private static void drive(Map<String, Api> registers, Map<String, String> acknowledged, Map<String, String> bodies, Set<String> cutOff,
            Ops ops, long millis) throws InterruptedException {
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService clerks = Executors.newFixedThreadPool(4);
        for (int c = 0; c < 4; c++) {
            String drawer = DRAWERS[c % DRAWERS.length];
            Api api = registers.get(drawer);
            clerks.submit(() -> {
                while (!stop.get()) {
                    String key = UUID.randomUUID().toString();
                    int dice = ThreadLocalRandom.current().nextInt(10);
                    String toReturn = dice < 2 ? ops.returnable.computeIfAbsent(drawer,
                            k -> new java.util.concurrent.ConcurrentLinkedQueue<>()).poll() : null;
                    if (toReturn != null || dice == 2) {
                        Op op = toReturn != null
                                ? new Op("/api/v1/returns", drawer, """
                                        {"receiptNumber":"%s","drawerId":"%s","lines":[{"lineNo":2,"quantity":1,
                                         "reason":"CHANGED_MIND","restock":true}]}""".formatted(toReturn, drawer))
                                : new Op("/api/v1/drawers/" + drawer + "/movements", drawer,
                                        "{\"type\":\"PAID_IN\",\"amount\":\"1.00\",\"reason\":\"change from the safe\"}");
                        ops.requests.put(key, op);
                        try {
                            Api.Response r = api.postIdempotent(op.path(), "clerk", key, op.body());
                            if (r.status() == 201) {
                                ops.acknowledged.put(key, toReturn != null ? r.text("returnNumber") : op.path());
                            } else {
                                ops.cutOff.add(key);
                            }
                        } catch (RuntimeException connectionLost) {
                            ops.cutOff.add(key);
                        }
                        continue;
                    }
                    String body = """
                            {"drawerId":"%s","lines":[{"sku":"LV-1001","quantity":%d},{"sku":"CZ-3001","quantity":1}],
                             "tenders":[{"type":"CASH","amount":"50.00"}]}""".formatted(drawer, 1 + ThreadLocalRandom.current().nextInt(5));
                    bodies.put(key, body);
                    try {
                        Api.Response r = api.postIdempotent("/api/v1/sales", "clerk", key, body);
                        if (r.status() == 201) {
                            acknowledged.put(key, r.text("receiptNumber"));
                            ops.returnable.computeIfAbsent(drawer, k -> new java.util.concurrent.ConcurrentLinkedQueue<>())
                                    .add(r.text("receiptNumber"));
                        } else {
                            cutOff.add(key);
                        }
                    } catch (RuntimeException connectionLost) {
                        cutOff.add(key);
                    }
                }
            });
        }
        int before = acknowledged.size();
        clerks.awaitTermination(millis, TimeUnit.MILLISECONDS);
        // on a loaded machine keep going until the round has something to lose (at most a minute)
        try {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                    .until(() -> acknowledged.size() >= before + 20);
        } catch (org.awaitility.core.ConditionTimeoutException slowMachine) {
            // sell on with what there is: the final check still demands enough sales overall
        }
        stop.set(true);
        clerks.shutdown();
    }

    /** Everything acknowledged is there; receipts and journal gapless; the journal verifies. */
    private static List<JsonNode> check(Api api, Map<String, String> acknowledged) {
        List<JsonNode> sales = new ArrayList<>();
        for (String receipt : new ArrayList<>(acknowledged.values())) {
            Api.Response r = api.get("/api/v1/sales/" + receipt, "clerk");
            assertThat(r.status()).as("acknowledged sale " + receipt + " after a kill").isEqualTo(200);
            sales.add(r.json());
        }
        JsonNode all = api.get("/api/v1/sales?from=2000-01-01&to=2999-12-31&limit=1000", "manager").json();
        List<String> listed = all.valueStream().map(s -> s.get("receiptNumber").asString()).toList();
        assertThat(listed).as("the receipt search lists every acknowledged sale").containsAll(acknowledged.values());
        Map<String, List<Long>> byRegister = new TreeMap<>();
        all.valueStream().forEach(s -> {
            String[] parts = s.get("receiptNumber").asString().split("-");
            byRegister.computeIfAbsent(parts[1], k -> new ArrayList<>()).add(Long.parseLong(parts[3]));
        });
        byRegister.values().forEach(seqs -> {
            Collections.sort(seqs);
            for (int i = 0; i < seqs.size(); i++) {
                assertThat(seqs.get(i)).as("receipt sequence").isEqualTo(i + 1L);
            }
        });
        JsonNode journal = api.get("/api/v1/journal/verify", "manager").json();
        assertThat(journal.get("valid").asBoolean()).as(journal.toString()).isTrue();
        return sales;
    }
}
