package io.storedesk.pos.headoffice;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.storedesk.pos.support.Api;
import io.storedesk.pos.support.HeadOfficeNodes;
import io.storedesk.pos.support.Postgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

import static io.storedesk.pos.headoffice.HeadOfficeEvents.batch;
import static io.storedesk.pos.headoffice.HeadOfficeEvents.loyalty;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The loyalty change feed of a head office of two nodes over one PostgreSQL (embedded PostgreSQL,
 * a fresh database): stores push loyalty entries to both nodes at once, duplicates included, while
 * a reader follows the feed from both nodes page by page; the reader ends with every card's final
 * balance and version, and never sees a card go back. A store pulls only the cards homed at it or
 * in its region and those it used; a new store's first pull is a complete snapshot of them.
 */
class LoyaltyFeedClusterIntegrationTests {

    static final Map<String, String> KEYS = Map.of("S001", "demo-key-S001", "S002", "demo-key-S002",
            "S003", "key-three-feed", "S004", "key-four-feed", "S005", "key-five-feed");

    static ConfigurableApplicationContext nodeA;
    static ConfigurableApplicationContext nodeB;
    static Api a;
    static Api b;

    @BeforeAll
    static void startTwoNodes() throws Exception {
        String database = Postgres.newDatabase("hofeed");
        // one after the other (starting together is HeadOfficeClusterIntegrationTests' subject)
        nodeA = node("feed-a", database);
        nodeB = node("feed-b", database);
        a = new Api(HeadOfficeNodes.port(nodeA));
        b = new Api(HeadOfficeNodes.port(nodeB));
    }

    @AfterAll
    static void stop() {
        HeadOfficeNodes.stop(nodeA, nodeB);
    }

    private static ConfigurableApplicationContext node(String name, String database) {
        return HeadOfficeNodes.start(name, database,
                "--pos.head-office.store-keys.S003=" + KEYS.get("S003"),
                "--pos.head-office.store-keys.S004=" + KEYS.get("S004"),
                "--pos.head-office.store-keys.S005=" + KEYS.get("S005"),
                "--pos.head-office.store-regions.S003=north", "--pos.head-office.store-regions.S004=north");
    }

    private static Map<String, String> store(String storeId) {
        return Map.of("X-Store-Id", storeId, "X-Store-Key", KEYS.get(storeId));
    }

    /** What a reader of the feed holds: each card's last balance and version seen. */
    static final class Reader {
        final Map<String, long[]> cards = new HashMap<>();
        String cursor = "";
        final List<String> wentBack = new ArrayList<>();

        /** Pulls pages from the node until the feed has nothing more ready. */
        void drain(Api node, String user, Map<String, String> headers, int limit) {
            JsonNode page;
            do {
                Api.Response r = node.get("/api/ho/v1/loyalty/accounts?limit=" + limit
                        + (cursor.isEmpty() ? "" : "&cursor=" + cursor), user, headers);
                assertThat(r.status()).as(r.body()).isEqualTo(200);
                page = r.json();
                for (JsonNode account : page.get("accounts")) {
                    String card = account.get("card").asString();
                    long version = account.get("version").asLong();
                    long[] held = cards.get(card);
                    if (held != null && version < held[1]) {
                        wentBack.add(card + " " + held[1] + " -> " + version);
                    }
                    cards.put(card, new long[] {account.get("balance").asLong(), version});
                }
                cursor = page.get("cursor").asString();
            } while (page.get("more").asBoolean());
        }
    }

    @Test
    void concurrentPushesToBothNodesWithDuplicatesReachAReaderOfBothNodesCompletelyAndNeverBackwards()
            throws Exception {
        List<String> cards = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            cards.add("29920000%05d".formatted(i));
        }
        List<String> stores = List.of("S001", "S002", "S003", "S004");
        Map<String, Long> expected = new ConcurrentHashMap<>();
        Map<String, Set<String>> usedBy = new ConcurrentHashMap<>();
        List<String> failures = new CopyOnWriteArrayList<>();
        Random random = new Random(25);
        List<Runnable> pushes = new ArrayList<>();
        for (int n = 0; n < 240; n++) {
            String storeId = stores.get(random.nextInt(stores.size()));
            List<String> events = new ArrayList<>();
            for (int e = 0; e < 1 + random.nextInt(6); e++) {
                String card = cards.get(random.nextInt(cards.size()));
                long points = random.nextInt(200) - 60;
                events.add(loyalty(storeId, UUID.randomUUID().toString(), card, points < 0 ? "REDEEM" : "EARN", points));
                expected.merge(card, points, Long::sum);
                usedBy.computeIfAbsent(storeId, s -> ConcurrentHashMap.newKeySet()).add(card);
            }
            String body = batch(events);
            int route = random.nextInt(10); // 0-2: to both nodes at once (a duplicate), else to one of them
            pushes.add(() -> {
                List<Thread> sends = new ArrayList<>();
                for (Api node : route < 3 ? List.of(a, b) : List.of(route % 2 == 0 ? a : b)) {
                    Thread send = new Thread(() -> {
                        Api.Response r = node.post("/api/ho/v1/stores/" + storeId + "/events", null, body, store(storeId));
                        if (r.status() != 200) {
                            failures.add(r.status() + " " + r.body());
                        }
                    });
                    send.start();
                    sends.add(send);
                }
                for (Thread t : sends) {
                    try {
                        t.join();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            });
        }

        // 12 waves of 20 batches, 8 pushed at a time; during each wave the reader follows the feed,
        // alternating nodes, until the wave is in
        Reader reader = new Reader();
        int reads = 0;
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            for (int wave = 0; wave < pushes.size(); wave += 20) {
                List<Future<?>> inFlight = new ArrayList<>();
                pushes.subList(wave, Math.min(pushes.size(), wave + 20)).forEach(p -> inFlight.add(pool.submit(p)));
                do {
                    reader.drain(reads++ % 2 == 0 ? a : b, "office", Map.of(), 7);
                } while (!inFlight.stream().allMatch(Future::isDone));
                for (Future<?> f : inFlight) {
                    f.get(300, TimeUnit.SECONDS);
                }
            }
        } finally {
            pool.shutdown();
        }
        reader.drain(b, "office", Map.of(), 7);
        reader.drain(a, "office", Map.of(), 7);

        assertThat(failures).isEmpty();
        assertThat(reads).as("the reader followed the feed during every wave").isGreaterThanOrEqualTo(12);
        assertThat(reader.wentBack).as("a card's version never goes back for a reader").isEmpty();
        Map<String, Long> read = new HashMap<>();
        Map<String, Long> authoritative = new HashMap<>();
        Map<String, String> home = new HashMap<>();
        for (String card : expected.keySet()) {
            JsonNode account = a.get("/api/ho/v1/loyalty/accounts/" + card, "office").json();
            authoritative.put(card, account.get("balance").asLong());
            home.put(card, account.get("homeStore").asString());
            read.put(card, reader.cards.get(card) == null ? null : reader.cards.get(card)[0]);
            assertThat(reader.cards.get(card)[1]).as("the reader ends at the card's last version")
                    .isEqualTo(account.get("version").asLong());
        }
        assertThat(authoritative).as("every entry applied once, duplicates included").isEqualTo(expected);
        assertThat(read).as("the reader of both nodes ends with every card's balance").isEqualTo(expected);

        // a store that starts now gets, in pages, a snapshot of exactly the cards it follows
        for (String storeId : stores) {
            Set<String> regionStores = storeId.equals("S003") || storeId.equals("S004") ? Set.of("S003", "S004")
                    : Set.of(storeId);
            Set<String> follows = new HashSet<>(usedBy.getOrDefault(storeId, Set.of()));
            expected.keySet().stream().filter(c -> regionStores.contains(home.get(c))).forEach(follows::add);
            Reader fresh = new Reader();
            fresh.drain(storeId.compareTo("S003") < 0 ? a : b, null, store(storeId), 5);
            Set<String> got = new HashSet<>(fresh.cards.keySet());
            got.retainAll(expected.keySet()); // the demo seed's cards are homed nowhere until used
            assertThat(got).as(storeId).isEqualTo(follows);
            fresh.cards.forEach((card, held) -> {
                if (expected.containsKey(card)) {
                    assertThat(held[0]).as(card).isEqualTo(expected.get(card));
                }
            });
        }
    }

    @Test
    void aStorePullsItsOwnItsRegionsAndTheCardsItUsedAndGetsTheirLaterChanges() {
        String ofS001 = "2993000000001";
        String ofS003 = "2993000000003";
        String ofS004 = "2993000000004";
        String ofS002 = "2993000000002";
        push(a, "S001", loyalty("S001", UUID.randomUUID().toString(), ofS001, "EARN", 10));
        push(b, "S003", loyalty("S003", UUID.randomUUID().toString(), ofS003, "EARN", 30));
        push(a, "S004", loyalty("S004", UUID.randomUUID().toString(), ofS004, "EARN", 40));
        push(b, "S002", loyalty("S002", UUID.randomUUID().toString(), ofS002, "EARN", 20));
        // S001 sells with S003's card: it follows that card from now on
        push(a, "S001", loyalty("S001", UUID.randomUUID().toString(), ofS003, "EARN", 5));

        Set<String> mine = Set.of(ofS001, ofS002, ofS003, ofS004);
        Map<String, Reader> readers = new HashMap<>();
        for (String storeId : List.of("S001", "S002", "S003", "S004", "S005")) {
            Reader r = new Reader();
            r.drain(storeId.equals("S003") ? b : a, null, store(storeId), 2);
            readers.put(storeId, r);
        }
        assertThat(cardsAmong(readers.get("S001"), mine)).containsExactlyInAnyOrder(ofS001, ofS003);
        assertThat(cardsAmong(readers.get("S002"), mine)).containsExactlyInAnyOrder(ofS002);
        assertThat(cardsAmong(readers.get("S003"), mine)).containsExactlyInAnyOrder(ofS003, ofS004);
        assertThat(cardsAmong(readers.get("S004"), mine)).containsExactlyInAnyOrder(ofS003, ofS004);
        assertThat(cardsAmong(readers.get("S005"), mine)).isEmpty();
        assertThat(readers.get("S001").cards.get(ofS003)[0]).isEqualTo(35);

        // S005 looks S004's card up online: it gets it now and its later changes by the feed
        Api.Response looked = b.get("/api/ho/v1/loyalty/accounts/" + ofS004, null, store("S005"));
        assertThat(looked.status()).as(looked.body()).isEqualTo(200);
        assertThat(looked.json().get("balance").asLong()).isEqualTo(40);
        assertThat(looked.json().get("homeStore").asString()).isEqualTo("S004");
        push(b, "S004", loyalty("S004", UUID.randomUUID().toString(), ofS004, "REDEEM", -15));
        push(a, "S003", loyalty("S003", UUID.randomUUID().toString(), ofS003, "EARN", 1));
        readers.forEach((storeId, r) -> r.drain(storeId.equals("S002") ? b : a, null, store(storeId), 2));

        assertThat(readers.get("S005").cards.get(ofS004)[0]).isEqualTo(25);
        assertThat(readers.get("S005").cards).doesNotContainKey(ofS003);
        assertThat(readers.get("S001").cards.get(ofS003)[0]).isEqualTo(36);
        assertThat(readers.get("S004").cards.get(ofS004)[0]).isEqualTo(25);
        assertThat(readers.get("S002").cards).doesNotContainKeys(ofS003, ofS004);
        readers.values().forEach(r -> assertThat(r.wentBack).isEmpty());
    }

    private static Set<String> cardsAmong(Reader reader, Set<String> cards) {
        Set<String> got = new HashSet<>(reader.cards.keySet());
        got.retainAll(cards);
        return got;
    }

    private static void push(Api node, String storeId, String... events) {
        Api.Response r = node.post("/api/ho/v1/stores/" + storeId + "/events", null, batch(events), store(storeId));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }
}
