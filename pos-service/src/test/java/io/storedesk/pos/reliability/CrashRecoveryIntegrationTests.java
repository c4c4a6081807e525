package io.storedesk.pos.reliability;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.storedesk.pos.support.Api;
import io.storedesk.pos.support.Postgres;
import io.storedesk.pos.support.ServiceProcess;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Durability by the database engine, on each engine the store runs on: the service runs as a real
 * process while clerks sell (cash, card, split, store credit, loyalty points), take returns and
 * exchanges, post-void, pay cash in and write case notes, and a privacy officer creates special
 * orders for customers while erasing those customers at the same moment (every other customer just
 * after the order). The process is killed
 * with SIGKILL at a random moment, three times. After each restart every acknowledged document
 * read back through the API equals what was acknowledged, field by field (a special order equals
 * what the live service showed after its erasure raced it); receipts are gapless; the journal
 * verifies. At the end every request the kills cut off is repeated with its Idempotency-Key, and
 * then the drawers add up to the cash of the acknowledged documents, store credits and loyalty
 * balances match what was spent and earned, and the outbox holds each document's event once and
 * nothing for anything that was not acknowledged.
 */
class CrashRecoveryIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String[] DRAWERS = {"D1", "D2"};
    private static final String[] LOYALTY_CARDS = {"2900000000017", "2900000000024"};
    private static final String VISA = "4761739001010010";
    private static final String APPROVAL = "\"approval\":{\"manager\":\"manager\",\"pin\":\"1234\"}";

    enum Engine {
        H2, POSTGRESQL;

        List<String> settings() {
            if (this == H2) {
                return List.of();
            }
            return List.of("--spring.datasource.url=" + Postgres.newDatabase("crash"), "--spring.datasource.username=postgres",
                    "--spring.datasource.password=");
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Engine.class)
    void acknowledgedWorkSurvivesKillsExactlyOnce(Engine engine) throws Exception {
        Path dataDir = Path.of("target", "test-data", "crash-" + engine.name().toLowerCase() + "-" + UUID.randomUUID());
        List<String> settings = engine.settings();
        Workload work = new Workload();
        int kills = 0;
        try (ServiceProcess service = new ServiceProcess(dataDir, settings)) {
            service.start();
            Api api = new Api(service.port());
            for (String d : List.of("D1", "D2", "D3")) {
                assertThat(api.post("/api/v1/drawers/" + d + "/open", "clerk", "{\"float\":{\"50.00\":2}}").status())
                        .isEqualTo(201);
            }
            work.prepare(api);
            for (int round = 0; round < 3; round++) {
                work.driveAndKill(service, 500 + ThreadLocalRandom.current().nextInt(2500));
                kills++;
                service.start();
                api = new Api(service.port());
                work.checkDocuments(api);
                checkReceiptsAndJournal(api);
            }
            work.repeatCutOff(api);
            work.checkDocuments(api);
            List<JsonNode> listed = checkReceiptsAndJournal(api);
            work.checkTotals(api, listed);
            service.close();
            work.checkOutbox(engine, dataDir, settings);
            work.checkCards(engine, dataDir, settings);
        }
        assertThat(kills).isEqualTo(3);
        System.out.printf("crash test (%s): %d kills, %d documents acknowledged (%s), %d requests cut off and repeated%n",
                engine, kills, work.acknowledged.size(), work.countByKind(), work.repeated.get());
        assertThat(work.acknowledged.values().stream().filter(a -> a.sent.kind == Kind.SALE)).hasSizeGreaterThan(30);
        for (Kind kind : List.of(Kind.RETURN, Kind.EXCHANGE, Kind.VOID, Kind.SPECIAL_ORDER)) {
            assertThat(work.acknowledged.values()).as("some " + kind).anyMatch(a -> a.sent.kind == kind);
        }
    }

    enum Kind { SALE, RETURN, EXCHANGE, VOID, PAID_IN, NOTE, SPECIAL_ORDER, ERASE }

    /** A request as sent; {@code ref} is the sale a return, exchange or void takes back, or the store credit a sale spends. */
    record Sent(Kind kind, String path, String user, String drawer, String body, String ref) {
    }

    record Acked(Sent sent, JsonNode response) {
    }

    /** What the clerks did and were told. */
    static final class Workload {
        final Map<String, Sent> sent = new ConcurrentHashMap<>();
        final Map<String, Acked> acknowledged = new ConcurrentHashMap<>();
        final Set<String> cutOff = ConcurrentHashMap.newKeySet();
        /** Special orders taken whose answer the kill cut off and whose repeat the customer's erasure refused. */
        final List<JsonNode> takenUnanswered = new java.util.concurrent.CopyOnWriteArrayList<>();
        final Map<String, Queue<String>> returnable = new ConcurrentHashMap<>();    // drawer -> cash sales to take back
        final Queue<String> credits = new ConcurrentLinkedQueue<>();               // store-credit codes to spend
        final Map<String, JsonNode> liveOrders = new ConcurrentHashMap<>();        // order number -> as the live service showed it
        final Map<String, String> cases = new ConcurrentHashMap<>();               // drawer -> case number
        final Map<String, Long> loyaltyBefore = new TreeMap<>();
        final AtomicInteger repeated = new AtomicInteger();
        final AtomicInteger privacySteps = new AtomicInteger();

        void prepare(Api api) {
            for (String card : LOYALTY_CARDS) {
                loyaltyBefore.put(card, api.get("/api/v1/loyalty/" + card, "clerk").json().get("balance").asLong());
            }
            for (String d : DRAWERS) {
                Api.Response c = api.post("/api/v1/cases", "clerk", """
                        {"category":"COMPLAINT","channel":"IN_STORE","subject":"Crash test %s","description":"notes"}"""
                        .formatted(d));
                assertThat(c.status()).as(c.body()).isEqualTo(201);
                cases.put(d, c.text("caseNumber"));
                returnable.put(d, new ConcurrentLinkedQueue<>());
            }
        }

        /** Four clerks and a privacy officer work until the time is up and enough happened, then SIGKILL while they still work. */
        void driveAndKill(ServiceProcess service, long millis) throws Exception {
            Api basic = new Api(service.port());
            AtomicBoolean stop = new AtomicBoolean();
            ExecutorService people = Executors.newFixedThreadPool(5);
            for (int c = 0; c < 4; c++) {
                String drawer = DRAWERS[c % DRAWERS.length];
                String card = LOYALTY_CARDS[c % LOYALTY_CARDS.length];
                Api clerk = basic.signedIn("clerk", "R0" + drawer.substring(1));   // a token for the drawer's register
                people.submit(() -> {
                    while (!stop.get()) {
                        clerkStep(clerk, drawer, card);
                    }
                });
            }
            people.submit(() -> {
                while (!stop.get()) {
                    privacyStep(basic);
                }
            });
            int before = acknowledged.size();
            // let them work for the round's random time (they never stop on their own)
            assertThat(people.awaitTermination(millis, TimeUnit.MILLISECONDS)).isFalse();
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(50))
                    .until(() -> acknowledged.size() >= before + 25);
            // They are in flight almost all the time, so the kill still cuts requests mid-way; stopping them first
            // keeps them from spinning on refused connections while the dying JVM is torn down (each such
            // attempt would count as one more cut-off request to repeat and check).
            stop.set(true);
            service.kill();   // while they are still at work
            people.shutdown();
            assertThat(people.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        }

        private void clerkStep(Api api, String drawer, String card) {
            int dice = ThreadLocalRandom.current().nextInt(100);
            String sale = """
                    {"drawerId":"%s","lines":[{"sku":"LV-1001","quantity":%d},{"sku":"CZ-3001","quantity":1}],
                     "tenders":[%%s]}""".formatted(drawer, 1 + ThreadLocalRandom.current().nextInt(4));
            String taken = dice >= 40 && dice < 80 ? returnable.get(drawer).poll() : null;
            if (dice < 25) {
                send(api, new Sent(Kind.SALE, "/api/v1/sales", "clerk", drawer,
                        sale.formatted("{\"type\":\"CASH\",\"amount\":\"50.00\"}"), null));
            } else if (dice < 30) {
                send(api, new Sent(Kind.SALE, "/api/v1/sales", "clerk", drawer,
                        sale.formatted("{\"type\":\"CARD\",\"card\":{\"pan\":\"" + VISA + "\",\"expiry\":\"3012\"}}"), null));
            } else if (dice < 35) {
                send(api, new Sent(Kind.SALE, "/api/v1/sales", "clerk", drawer, sale.formatted(
                        "{\"type\":\"CASH\",\"amount\":\"1.00\"},{\"type\":\"CARD\",\"card\":{\"pan\":\"" + VISA
                                + "\",\"expiry\":\"3012\"}}"), null));
            } else if (dice < 40) {
                send(api, new Sent(Kind.SALE, "/api/v1/sales", "clerk", drawer, sale.replace("\"lines\"",
                        "\"loyaltyCard\":\"" + card + "\",\"lines\"").formatted(
                        "{\"type\":\"LOYALTY_POINTS\",\"points\":100},{\"type\":\"CASH\",\"amount\":\"50.00\"}"), null));
            } else if (taken != null && dice < 50) {
                send(api, new Sent(Kind.RETURN, "/api/v1/returns", "clerk", drawer, """
                        {"receiptNumber":"%s","drawerId":"%s","lines":[{"lineNo":2,"quantity":1,"reason":"CHANGED_MIND",
                         "restock":true}]}""".formatted(taken, drawer), taken));
            } else if (taken != null && dice < 57) {
                send(api, new Sent(Kind.RETURN, "/api/v1/returns", "clerk", drawer, """
                        {"receiptNumber":"%s","drawerId":"%s","lines":[{"lineNo":2,"quantity":1,"reason":"CHANGED_MIND",
                         "restock":true}],"refundMethod":"STORE_CREDIT"}""".formatted(taken, drawer), taken));
            } else if (taken != null && dice < 67) {
                send(api, new Sent(Kind.EXCHANGE, "/api/v1/exchanges", "clerk", drawer, """
                        {"receiptNumber":"%s","drawerId":"%s","returnLines":[{"lineNo":2,"quantity":1,"reason":"CHANGED_MIND",
                         "restock":true}],"newLines":[{"sku":"LV-1001","quantity":1}],
                         "tenders":[{"type":"CASH","amount":"20.00"}]}""".formatted(taken, drawer), taken));
            } else if (taken != null) {
                send(api, new Sent(Kind.VOID, "/api/v1/sales/" + taken + "/void", "clerk", drawer,
                        "{\"reason\":\"crash test\"," + APPROVAL + "}", taken));
            } else if (dice < 85) {
                String code = credits.poll();
                if (code != null) {
                    send(api, new Sent(Kind.SALE, "/api/v1/sales", "clerk", drawer, sale.formatted(
                            "{\"type\":\"STORE_CREDIT\",\"code\":\"" + code + "\"},{\"type\":\"CASH\",\"amount\":\"50.00\"}"),
                            code));
                }
            } else if (dice < 93) {
                send(api, new Sent(Kind.PAID_IN, "/api/v1/drawers/" + drawer + "/movements", "clerk", drawer,
                        "{\"type\":\"PAID_IN\",\"amount\":\"1.00\",\"reason\":\"change from the safe\"}", null));
            } else {
                send(api, new Sent(Kind.NOTE, "/api/v1/cases/" + cases.get(drawer) + "/notes", "clerk", drawer,
                        "{\"text\":\"note " + UUID.randomUUID() + "\"}", cases.get(drawer)));
            }
        }

        /** A new customer; a special order for them and their erasure sent at the same moment; what the live service then shows. */
        private void privacyStep(Api api) {
            String email = "anna." + UUID.randomUUID() + "@example.lv";
            Api.Response customer;
            try {
                customer = api.post("/api/v1/customers", "clerk", """
                        {"name":"Anna Bērziņa","email":"%s","preferredLanguage":"lv"}""".formatted(email));
            } catch (RuntimeException down) {
                return;
            }
            if (customer.status() != 201) {
                return;
            }
            String id = customer.text("id");
            Sent order = new Sent(Kind.SPECIAL_ORDER, "/api/v1/special-orders", "clerk", "D3", """
                    {"customerId":"%s","drawerId":"D3","lines":[{"sku":"EL-2002","quantity":1}],
                     "deposit":{"type":"CASH","amount":"5.00"},"note":"Blue one"}""".formatted(id), id);
            Sent erase = new Sent(Kind.ERASE, "/api/v1/customers/" + id + "/erase", "manager", null,
                    "{\"reason\":\"customer asked\"}", id);
            // every other customer's erasure races the order; the others are erased once the order is
            // taken, so that orders are acknowledged however the races fall on a busy machine
            boolean race = privacySteps.incrementAndGet() % 2 == 0;
            Thread eraser = new Thread(() -> send(api, erase));
            if (race) {
                eraser.start();
            }
            String orderKey = send(api, order);
            try {
                if (!race) {
                    eraser.start();
                }
                eraser.join();
                Acked placed = orderKey == null ? null : acknowledged.get(orderKey);
                if (placed != null && acknowledged.values().stream().anyMatch(a -> a.sent == erase)) {
                    String number = placed.response.get("orderNumber").asString();
                    Api.Response live = api.get("/api/v1/special-orders/" + number, "clerk");
                    if (live.status() == 200) {
                        liveOrders.put(number, live.json());
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException down) {
                // the kill came first: the order is checked against what was acknowledged
            }
        }

        /** Sends with a fresh Idempotency-Key; remembers what got a 2xx and what got no answer. @return the key */
        String send(Api api, Sent request) {
            String key = UUID.randomUUID().toString();
            sent.put(key, request);
            try {
                Api.Response r = api.postIdempotent(request.path, request.user, key, request.body);
                if (r.status() / 100 == 2) {
                    acknowledge(key, request, r.json());
                } else if (r.status() >= 500) {
                    cutOff.add(key);
                }
            } catch (RuntimeException connectionLost) {
                cutOff.add(key);
            }
            return key;
        }

        private void acknowledge(String key, Sent request, JsonNode response) {
            acknowledged.put(key, new Acked(request, response));
            if (request.kind == Kind.SALE && request.body.contains("\"CASH\",\"amount\":\"50.00\"")
                    && !request.body.contains("loyaltyCard") && !request.body.contains("STORE_CREDIT")) {
                returnable.get(request.drawer).add(response.get("receiptNumber").asString());
            }
            if (request.kind == Kind.RETURN) {
                response.get("refunds").valueStream().filter(f -> f.get("storeCreditCode") != null
                        && !f.get("storeCreditCode").isNull()).forEach(f -> credits.add(f.get("storeCreditCode").asString()));
            }
        }

        /** Repeats every request the kills cut off, with its key: each then has one outcome. */
        void repeatCutOff(Api api) {
            for (String key : new ArrayList<>(cutOff)) {
                Sent request = sent.get(key);
                Api.Response r = api.postIdempotent(request.path, request.user, key, request.body);
                cutOff.remove(key);
                if (request.kind == Kind.SPECIAL_ORDER && acked(Kind.ERASE, request.ref)) {
                    // the customer was erased meanwhile: the order was taken before, or is refused now
                    assertThat(r.status()).as(request + " repeated: " + r).isIn(201, 409, 422);
                    if (r.status() != 201) {
                        assertThat(r.text("type")).as(r.body()).matches(".*/(customer-erased|unknown-customer)");
                        // the erasure empties the kept answer, so a repeat is refused even when the order was
                        // taken before the kill cut its answer off: such an order is in the books with its deposit
                        api.get("/api/v1/special-orders?customerId=" + request.ref, "clerk").json().valueStream()
                                .forEach(o -> takenUnanswered.add(o));
                        continue;
                    }
                }
                if (request.kind == Kind.SALE && request.body.contains("LOYALTY_POINTS") && r.status() == 422
                        && r.text("type").endsWith("/loyalty-points-exceeded")) {
                    // never recorded (a recorded sale's repeat replays it), and the card's points went to the
                    // sales acknowledged since: refused now; the balances below show none were taken for it
                    continue;
                }
                assertThat(r.status() / 100).as(request + " repeated: " + r).isEqualTo(2);
                acknowledge(key, request, r.json());
                repeated.incrementAndGet();
            }
        }

        Map<Kind, Long> countByKind() {
            Map<Kind, Long> counts = new TreeMap<>();
            acknowledged.values().forEach(a -> counts.merge(a.sent.kind, 1L, Long::sum));
            return counts;
        }

        private boolean unresolved(Kind kind, String ref) {
            return cutOff.stream().map(sent::get).anyMatch(s -> s.kind == kind && ref.equals(s.ref));
        }

        private boolean acked(Kind kind, String ref) {
            return acknowledged.values().stream().anyMatch(a -> a.sent.kind == kind && ref.equals(a.sent.ref));
        }

        /** Every acknowledged document, read back, holds every field it was acknowledged with. */
        void checkDocuments(Api api) {
            for (Acked a : List.copyOf(acknowledged.values())) {
                switch (a.sent.kind) {
                    case SALE -> checkSale(api, a.response);
                    case RETURN -> assertSame(api.get("/api/v1/returns/" + a.response.get("returnNumber").asString(),
                            "clerk"), a.response);
                    case EXCHANGE -> {
                        assertSame(api.get("/api/v1/returns/" + a.response.get("returned").get("returnNumber").asString(),
                                "clerk"), a.response.get("returned"));
                        checkSale(api, a.response.get("sale"));
                    }
                    case VOID -> assertThat(api.get("/api/v1/sales/" + a.sent.ref, "clerk").text("status"))
                            .as("acknowledged void of " + a.sent.ref).isEqualTo("VOIDED");
                    case SPECIAL_ORDER -> {
                        String number = a.response.get("orderNumber").asString();
                        Api.Response now = api.get("/api/v1/special-orders/" + number, "clerk");
                        JsonNode live = liveOrders.get(number);
                        if (live != null) {
                            assertThat(comparable(now.json())).as("special order " + number + " as the live service showed it")
                                    .isEqualTo(comparable(live));
                        } else {
                            assertSame(now, a.response, "note", "emails");
                        }
                    }
                    case NOTE -> {
                        String text = JSON.readTree(a.sent.body).get("text").asString();
                        JsonNode theCase = api.get("/api/v1/cases/" + a.sent.ref, "clerk").json();
                        assertThat(theCase.toString().split(java.util.regex.Pattern.quote(text), -1))
                                .as("note " + text + " once on case " + a.sent.ref).hasSize(2);
                    }
                    case ERASE -> assertThat(api.get("/api/v1/customers/" + a.sent.ref, "manager").json().get("erased")
                            .asBoolean()).isTrue();
                    case PAID_IN -> {
                        // counted in the drawer check
                    }
                }
            }
        }

        private void checkSale(Api api, JsonNode acked) {
            String receipt = acked.get("receiptNumber").asString();
            Api.Response now = api.get("/api/v1/sales/" + receipt, "clerk");
            assertSame(now, acked, "status", "returnedQuantity");
            String status = now.text("status");
            if (!unresolved(Kind.VOID, receipt)) {
                assertThat(status).as("status of " + receipt).isEqualTo(acked(Kind.VOID, receipt) ? "VOIDED" : "COMPLETED");
            }
        }

        /** The special order without what its e-mail retries change by themselves (attempts, errors). */
        private static JsonNode comparable(JsonNode order) {
            tools.jackson.databind.node.ObjectNode copy = (tools.jackson.databind.node.ObjectNode) order.deepCopy();
            tools.jackson.databind.node.ArrayNode emails = JSON.createArrayNode();
            order.get("emails").valueStream().forEach(e -> emails.add(JSON.createObjectNode()
                    .put("to", e.get("to").asString()).put("status", e.get("status").asString())));
            copy.set("emails", emails);
            return copy;
        }

        /** The drawers, store credits and loyalty balances agree with the acknowledged documents. */
        void checkTotals(Api api, List<JsonNode> listed) {
            Map<String, BigDecimal> cash = new TreeMap<>();
            Map<String, BigDecimal> credit = new TreeMap<>();
            Map<String, Long> points = new TreeMap<>(loyaltyBefore);
            long salesAcked = 0;
            for (Acked a : acknowledged.values()) {
                JsonNode r = a.response;
                switch (a.sent.kind) {
                    case SALE -> {
                        salesAcked++;
                        add(cash, a.sent.drawer, sum(r.get("tenders"), "CASH"));
                        if (a.sent.ref != null) {
                            credit.merge(a.sent.ref, sum(r.get("tenders"), "STORE_CREDIT").negate(), BigDecimal::add);
                        }
                        if (a.sent.body.contains("loyaltyCard")) {
                            String card = JSON.readTree(a.sent.body).get("loyaltyCard").asString();
                            points.merge(card, r.get("pointsEarned").asLong() - 100, Long::sum);
                        }
                    }
                    case RETURN -> {
                        add(cash, a.sent.drawer, sum(r.get("refunds"), "CASH").negate());
                        r.get("refunds").valueStream().filter(f -> "STORE_CREDIT".equals(f.get("type").asString()))
                                .forEach(f -> credit.merge(f.get("storeCreditCode").asString(),
                                        new BigDecimal(f.get("amount").asString()), BigDecimal::add));
                    }
                    case EXCHANGE -> {
                        salesAcked++;
                        add(cash, a.sent.drawer, sum(r.get("sale").get("tenders"), "CASH")
                                .subtract(sum(r.get("returned").get("refunds"), "CASH")));
                    }
                    case VOID -> add(cash, a.sent.drawer, sum(r.get("tenders"), "CASH").negate());
                    case PAID_IN -> add(cash, a.sent.drawer, new BigDecimal("1.00"));
                    case SPECIAL_ORDER -> add(cash, "D3", new BigDecimal(r.get("deposit").get("amount").asString()));
                    default -> {
                    }
                }
            }
            takenUnanswered.forEach(o -> add(cash, o.get("deposit").get("drawerId").asString(),
                    new BigDecimal(o.get("deposit").get("amount").asString())));
            assertThat(listed).as("every sale in the database was acknowledged").hasSize((int) salesAcked);
            for (String d : List.of("D1", "D2", "D3")) {
                JsonNode x = api.get("/api/v1/drawers/" + d + "/x-report", "manager").json();
                assertThat(new BigDecimal(x.get("expectedCash").asString())).as("expected cash of " + d)
                        .isEqualByComparingTo(cash.getOrDefault(d, BigDecimal.ZERO).add(new BigDecimal("100.00")));
            }
            credit.forEach((code, balance) -> assertThat(new BigDecimal(api.get("/api/v1/store-credits/" + code, "clerk")
                    .text("balance"))).as("store credit " + code).isEqualByComparingTo(balance));
            points.forEach((card, balance) -> assertThat(api.get("/api/v1/loyalty/" + card, "clerk").json().get("balance")
                    .asLong()).as("points of " + card).isEqualTo(balance));
        }

        /** Each acknowledged sale, return and void has its event in the outbox once, and there is no other. */
        void checkOutbox(Engine engine, Path dataDir, List<String> settings) throws Exception {
            Map<String, Integer> events = new TreeMap<>();
            try (Connection c = connect(engine, dataDir, settings); Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT type, payload FROM sync_outbox WHERE type IN "
                            + "('SALE_COMPLETED', 'SALE_VOIDED', 'RETURN_COMPLETED')")) {
                while (rs.next()) {
                    JsonNode payload = JSON.readTree(rs.getString(2));
                    String document = rs.getString(1).equals("RETURN_COMPLETED") ? payload.get("returnNumber").asString()
                            : payload.get("receiptNumber").asString();
                    events.merge(rs.getString(1) + " " + document, 1, Integer::sum);
                }
            }
            Map<String, Integer> expected = new TreeMap<>();
            for (Acked a : acknowledged.values()) {
                switch (a.sent.kind) {
                    case SALE -> expected.put("SALE_COMPLETED " + a.response.get("receiptNumber").asString(), 1);
                    case RETURN -> expected.put("RETURN_COMPLETED " + a.response.get("returnNumber").asString(), 1);
                    case EXCHANGE -> {
                        expected.put("SALE_COMPLETED " + a.response.get("sale").get("receiptNumber").asString(), 1);
                        expected.put("RETURN_COMPLETED " + a.response.get("returned").get("returnNumber").asString(), 1);
                    }
                    case VOID -> expected.put("SALE_VOIDED " + a.sent.ref, 1);
                    default -> {
                    }
                }
            }
            assertThat(events).isEqualTo(expected);
        }

        /**
         * No charge stands without its sale, and no sale without its charge: after the kills and
         * restarts nothing is left REQUESTED (the start reverses what had no recorded outcome),
         * every approved card purchase is a card tender of a stored sale that was not voided, each
         * such tender's purchase is approved, and a voided sale's card purchases are reversed.
         */
        void checkCards(Engine engine, Path dataDir, List<String> settings) throws Exception {
            Set<String> voided = new java.util.HashSet<>();
            acknowledged.values().stream().filter(a -> a.sent.kind == Kind.VOID).forEach(a -> voided.add(a.sent.ref));
            Map<String, String> status = new TreeMap<>();
            Map<String, String> tenders = new TreeMap<>();
            try (Connection c = connect(engine, dataDir, settings); Statement s = c.createStatement()) {
                try (ResultSet rs = s.executeQuery("SELECT reference, status FROM card_transaction WHERE kind = 'PURCHASE'")) {
                    while (rs.next()) {
                        status.put(rs.getString(1), rs.getString(2));
                    }
                }
                try (ResultSet rs = s.executeQuery("SELECT t.reference, s.receipt_number FROM sale_tender t "
                        + "JOIN sale s ON s.id = t.sale_id WHERE t.type = 'CARD'")) {
                    while (rs.next()) {
                        tenders.put(rs.getString(1), rs.getString(2));
                    }
                }
            }
            assertThat(status.values()).as("card purchases left without an outcome").doesNotContain("REQUESTED");
            assertThat(tenders).as("card tenders").isNotEmpty();
            tenders.forEach((reference, receipt) -> assertThat(status.get(reference))
                    .as("card purchase %s of sale %s", reference, receipt)
                    .isEqualTo(voided.contains(receipt) ? "REVERSED" : "APPROVED"));
            status.forEach((reference, state) -> {
                if ("APPROVED".equals(state)) {
                    assertThat(tenders).as("approved card purchase %s is a tender of a sale", reference).containsKey(reference);
                    assertThat(voided).as("approved card purchase %s belongs to a voided sale", reference)
                            .doesNotContain(tenders.get(reference));
                }
            });
        }

        private static Connection connect(Engine engine, Path dataDir, List<String> settings) throws java.sql.SQLException {
            String url = engine == Engine.H2 ? "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("pos")
                    : settings.get(0).substring(settings.get(0).indexOf('=') + 1);
            return DriverManager.getConnection(url, engine == Engine.H2 ? "pos" : "postgres", "");
        }

        private static void add(Map<String, BigDecimal> totals, String drawer, BigDecimal amount) {
            totals.merge(drawer, amount, BigDecimal::add);
        }

        private static BigDecimal sum(JsonNode tenders, String type) {
            return tenders.valueStream().filter(t -> type.equals(t.get("type").asString()))
                    .map(t -> new BigDecimal(t.get("amount").asString())).reduce(BigDecimal.ZERO, BigDecimal::add);
        }
    }

    /** The document read back holds every field of {@code acked} with the same value, but the named ones that may move on. */
    private static void assertSame(Api.Response now, JsonNode acked, String... mayChange) {
        assertThat(now.status()).as("acknowledged document read back: " + acked).isEqualTo(200);
        List<String> differences = new ArrayList<>();
        compare("", acked, now.json(), Set.of(mayChange), differences);
        assertThat(differences).as("fields that differ from what was acknowledged").isEmpty();
    }

    private static void compare(String path, JsonNode acked, JsonNode now, Set<String> mayChange, List<String> differences) {
        if (acked.isObject()) {
            for (Map.Entry<String, JsonNode> field : acked.properties()) {
                if (!mayChange.contains(field.getKey())) {
                    JsonNode other = now == null ? null : now.get(field.getKey());
                    compare(path + "." + field.getKey(), field.getValue(), other, mayChange, differences);
                }
            }
        } else if (acked.isArray()) {
            if (now == null || !now.isArray() || now.size() != acked.size()) {
                differences.add(path + ": " + acked + " became " + now);
                return;
            }
            for (int i = 0; i < acked.size(); i++) {
                compare(path + "[" + i + "]", acked.get(i), now.get(i), mayChange, differences);
            }
        } else if (now == null || !acked.equals(now)) {
            differences.add(path + ": " + acked + " became " + now);
        }
    }

    /** Receipt numbers are gapless per register and the journal verifies. @return every sale listed */
    private static List<JsonNode> checkReceiptsAndJournal(Api api) {
        List<JsonNode> all = api.get("/api/v1/sales?from=2000-01-01&to=2999-12-31&limit=1000", "manager").json()
                .valueStream().toList();
        assertThat(all).hasSizeLessThan(1000);
        Map<String, List<Long>> byRegister = new TreeMap<>();
        all.forEach(s -> {
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
        return all;
    }
}
