package io.storedesk.pos.sale;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;

import io.storedesk.pos.support.Api;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Suspend and resume over HTTP: a basket parked at one till is listed for the store, resumed at
 * another register exactly once (also when two tills try at once) and sold there; bad baskets are
 * refused and park nothing; the business day's close expires what is still parked. A store of its
 * own, since the last test closes its business day.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "pos.data-dir=target/test-data/parked-${random.uuid}")
class ParkedBasketIntegrationTests {

    static final String BASKET = """
            {"drawerId":"D1","note":"customer fetches her wallet",
             "lines":[{"sku":"LV-1001","quantity":2},{"sku":"EL-2001","quantity":1,"discount":{"percent":"10","reason":"DAMAGED"}}],
             "loyaltyCard":"2900000000017"}""";

    @LocalServerPort
    int port;

    @Test
    @Order(1)
    void aBasketParkedAtOneTillIsListedResumedOnceAtAnotherAndSoldThere() {
        Api api = new Api(port);
        Api.Response parked = api.postIdempotent("/api/v1/baskets", "clerk", "park-1", BASKET);
        assertThat(parked.status()).as(parked.body()).isEqualTo(201);
        String number = parked.text("basketNumber");
        assertThat(number).startsWith("R01-P");
        assertThat(parked.text("status")).isEqualTo("PARKED");
        assertThat(parked.json().get("lineCount").asInt()).isEqualTo(2);
        assertThat(parked.text("note")).isEqualTo("customer fetches her wallet");
        // the same request again (a retry) is the same basket, not a second one
        Api.Response again = api.postIdempotent("/api/v1/baskets", "clerk", "park-1", BASKET);
        assertThat(again.text("basketNumber")).isEqualTo(number);
        assertThat(numbers(api.get("/api/v1/baskets", "clerk2").json())).containsOnlyOnce(number);

        Api.Response resumed = api.post("/api/v1/baskets/" + number + "/resume", "clerk2", "{\"drawerId\":\"D2\"}");
        assertThat(resumed.status()).as(resumed.body()).isEqualTo(200);
        assertThat(resumed.text("status")).isEqualTo("RESUMED");
        assertThat(resumed.text("resolvedRegister")).isEqualTo("R02");
        assertThat(resumed.text("resolvedBy")).isEqualTo("clerk2");
        JsonNode basket = resumed.json().get("basket");
        assertThat(basket.get("loyaltyCard").asString()).isEqualTo("2900000000017");
        assertThat(basket.get("lines").get(1).get("discount").get("reason").asString()).isEqualTo("DAMAGED");
        assertThat(numbers(api.get("/api/v1/baskets", "clerk").json())).doesNotContain(number);

        Api.Response twice = api.post("/api/v1/baskets/" + number + "/resume", "clerk", "{\"drawerId\":\"D1\"}");
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.body()).contains("basket-not-parked").contains("R02").contains("clerk2");

        // the resumed basket sells at the other register as it was built
        api.ensureOpen("D2");
        String lines = basket.get("lines").toString();
        Api.Response sale = api.post("/api/v1/sales", "clerk2", """
                {"drawerId":"D2","lines":%s,"loyaltyCard":"2900000000017","tenders":[{"type":"CASH","amount":"100.00"}]}"""
                .formatted(lines));
        assertThat(sale.status()).as(sale.body()).isEqualTo(201);
        assertThat(sale.text("receiptNumber")).startsWith("S001-R02-");
        JsonNode journal = api.get("/api/v1/journal/entries?chain=STORE&limit=1000", "manager").json();
        assertThat(journal.toString()).contains("BASKET_PARKED").contains("BASKET_RESUMED").contains(number);
    }

    @Test
    @Order(2)
    void twoTillsResumingTheSameBasketAtOnceGetItOnceAndOneClearRefusal() throws Exception {
        Api api = new Api(port);
        String number = api.post("/api/v1/baskets", "clerk", BASKET).text("basketNumber");
        CyclicBarrier start = new CyclicBarrier(2);
        List<CompletableFuture<Api.Response>> tries = new ArrayList<>();
        for (String[] till : new String[][] {{"clerk", "D1"}, {"clerk2", "D2"}}) {
            tries.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                return api.post("/api/v1/baskets/" + number + "/resume", till[0], "{\"drawerId\":\"" + till[1] + "\"}");
            }));
        }
        List<Integer> statuses = tries.stream().map(f -> f.join().status()).sorted().toList();
        assertThat(statuses).containsExactly(200, 409);
        assertThat(api.get("/api/v1/baskets/" + number, "clerk").text("status")).isEqualTo("RESUMED");
    }

    @Test
    @Order(3)
    void aBasketThatDoesNotPriceIsRefusedAndNothingIsParked() {
        Api api = new Api(port);
        int before = api.get("/api/v1/baskets", "clerk").json().size();
        Api.Response unknown = api.post("/api/v1/baskets", "clerk",
                "{\"drawerId\":\"D1\",\"lines\":[{\"sku\":\"NO-SUCH-ITEM\",\"quantity\":1}]}");
        assertThat(unknown.status()).isBetween(400, 499);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        assertThat(unknown.body()).contains("NO-SUCH-ITEM");
        Api.Response empty = api.post("/api/v1/baskets", "clerk", "{\"drawerId\":\"D1\",\"lines\":[]}");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.body()).contains("lines");
        Api.Response noDrawer = api.post("/api/v1/baskets", "clerk", "{\"drawerId\":\"D9\",\"lines\":[{\"sku\":\"LV-1001\",\"quantity\":1}]}");
        assertThat(noDrawer.status()).isBetween(400, 499);
        assertThat(api.get("/api/v1/baskets", "clerk").json().size()).isEqualTo(before);
        assertThat(api.post("/api/v1/baskets/R01-P9999/resume", "clerk", "{\"drawerId\":\"D1\"}").status()).isEqualTo(404);
    }

    @Test
    @Order(4)
    void closingTheBusinessDayExpiresWhatIsStillParked() {
        Api api = new Api(port);
        String left = api.post("/api/v1/baskets", "clerk", BASKET).text("basketNumber");
        String discarded = api.post("/api/v1/baskets", "clerk", BASKET).text("basketNumber");
        Api.Response thrown = api.post("/api/v1/baskets/" + discarded + "/discard", "clerk", "");
        assertThat(thrown.status()).as(thrown.body()).isEqualTo(200);
        assertThat(thrown.text("status")).isEqualTo("DISCARDED");
        for (String drawer : List.of("D1", "D2", "D3", "D4")) {
            if (api.get("/api/v1/drawers/" + drawer, "clerk").status() == 200) {
                Api.Response closed = api.post("/api/v1/drawers/" + drawer + "/close", "clerk",
                        "{\"counted\":{},\"approval\":{\"manager\":\"manager\",\"pin\":\"1234\"}}");
                assertThat(closed.status()).as(closed.body()).isEqualTo(200);
            }
        }
        String today = LocalDate.now(ZoneId.of("Europe/Riga")).toString(); // the demo store's zone
        Api.Response z = api.post("/api/v1/business-days/" + today + "/close", "manager", "{}");
        assertThat(z.status()).as(z.body()).isEqualTo(201);

        assertThat(api.get("/api/v1/baskets/" + left, "clerk").text("status")).isEqualTo("EXPIRED");
        assertThat(api.get("/api/v1/baskets/" + discarded, "clerk").text("status")).isEqualTo("DISCARDED");
        assertThat(api.get("/api/v1/baskets", "clerk").json().size()).isZero();
        Api.Response late = api.post("/api/v1/baskets/" + left + "/resume", "clerk", "{\"drawerId\":\"D1\"}");
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.body()).contains("expired");
        Api.Response parkAfterClose = api.post("/api/v1/baskets", "clerk", BASKET);
        assertThat(parkAfterClose.status()).isEqualTo(409);
        assertThat(parkAfterClose.body()).contains("business-day-closed");
        assertThat(api.get("/api/v1/journal/entries?chain=STORE&limit=1000", "manager").body()).contains("BASKET_EXPIRED")
                .contains(left);
    }

    private static List<String> numbers(JsonNode list) {
        List<String> out = new ArrayList<>();
        list.forEach(b -> out.add(b.get("basketNumber").asString()));
        return out;
    }
}
