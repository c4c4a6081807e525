package io.storedesk.pos.returns;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import io.storedesk.pos.PosApplication;
import io.storedesk.pos.support.Api;
import io.storedesk.pos.support.Race;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whatever the interleaving of returns, exchanges and post-voids of one sale, the refunds of the
 * sale never exceed what was paid for it, a voided sale has no returns, and the returned
 * quantities are what the accepted returns say. Drives the real service over HTTP: each try rings
 * a sale (3 x 19.99, 20.00 cash and the rest by card) and sends a random mix of operations in two
 * random waves, each wave released at once.
 */
class RefundInterleavingProperties {

    private static final String APPROVAL = "\"approval\":{\"manager\":\"manager\",\"pin\":\"1234\"}";
    private static final BigDecimal PAID = new BigDecimal("59.97");

    private static ConfigurableApplicationContext service;
    private static Api api;

    interface Op {
        int wave();
    }

    record VoidSale(int wave) implements Op {
    }

    record Return(int wave, int quantity, String method) implements Op {
    }

    record Exchange(int wave, int quantity) implements Op {
    }

    @BeforeContainer
    static void start() {
        // as command-line arguments: they win over config/application.yml (default properties would not)
        service = new SpringApplicationBuilder(PosApplication.class).run(
                "--server.port=0", "--pos.data-dir=target/test-data/interleaving-" + UUID.randomUUID(),
                "--pos.payment.timeout=2s", "--pos.payment.simulator.delay=4s",
                "--pos.payment.reversal.poll-interval=200ms", "--pos.payment.reversal.retry-delay=200ms");
        api = new Api(((WebServerApplicationContext) service).getWebServer().getPort());
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() ->
                service.getBean(io.storedesk.pos.payment.CardPayments.class).status().signedOn());
        for (String drawer : List.of("D3", "D4")) {
            assertThat(api.post("/api/v1/drawers/" + drawer + "/open", "clerk", "{\"float\":{\"20.00\":5}}").status())
                    .isEqualTo(201);
        }
    }

    @AfterContainer
    static void stop() {
        if (service != null) {
            service.close();
        }
    }

    @Provide
    Arbitrary<List<Op>> operations() {
        Arbitrary<Integer> wave = Arbitraries.integers().between(0, 1);
        Arbitrary<Op> op = Arbitraries.oneOf(
                wave.map(VoidSale::new),
                Combinators.combine(wave, Arbitraries.integers().between(1, 2),
                        Arbitraries.of("CASH", "ORIGINAL", "STORE_CREDIT")).as(Return::new),
                Combinators.combine(wave, Arbitraries.integers().between(1, 2)).as(Exchange::new));
        return op.list().ofMinSize(2).ofMaxSize(6);
    }

    @Property(tries = 12, shrinking = ShrinkingMode.OFF)
    void refundsOfASaleNeverExceedWhatWasPaidWhateverTheInterleaving(@ForAll("operations") List<Op> ops) {
        Api.Response sale = api.post("/api/v1/sales", "clerk", """
                {"drawerId":"D3","lines":[{"sku":"LV-1019","quantity":3}],
                 "tenders":[{"type":"CASH","amount":"20.00"},
                            {"type":"CARD","card":{"pan":"4761739001010010","expiry":"2812"}}]}""");
        assertThat(sale.status()).as(sale.body()).isEqualTo(201);
        String receipt = sale.text("receiptNumber");

        List<Api.Response> answers = new ArrayList<>();
        List<Op> sent = new ArrayList<>();
        for (int wave = 0; wave < 2; wave++) {
            List<Supplier<Api.Response>> contestants = new ArrayList<>();
            for (Op op : ops) {
                if (op.wave() == wave) {
                    contestants.add(request(receipt, op));
                    sent.add(op);
                }
            }
            if (!contestants.isEmpty()) {
                answers.addAll(Race.run(contestants));
            }
        }

        BigDecimal refunded = BigDecimal.ZERO;
        int returnedUnits = 0;
        boolean voided = false;
        for (int i = 0; i < answers.size(); i++) {
            Api.Response r = answers.get(i);
            assertThat(r.status()).as(r.body()).isIn(200, 201, 409, 422);
            if (r.status() == 200) {
                voided = true;
            } else if (r.status() == 201) {
                JsonNode ret = sent.get(i) instanceof Exchange ? r.json().get("returned") : r.json();
                refunded = refunded.add(new BigDecimal(ret.get("refundTotal").asString()));
                for (JsonNode line : ret.get("lines")) {
                    returnedUnits += line.get("quantity").asInt();
                }
            }
        }
        JsonNode after = api.get("/api/v1/sales/" + receipt, "clerk").json();
        assertThat(refunded).isLessThanOrEqualTo(PAID);
        assertThat(after.get("lines").get(0).get("returnedQuantity").asInt()).isEqualTo(returnedUnits);
        assertThat(returnedUnits).isLessThanOrEqualTo(3);
        if (voided) {
            assertThat(returnedUnits).as("a voided sale has no returns: %s", answers).isZero();
            assertThat(after.get("status").asString()).isEqualTo("VOIDED");
        }
    }

    private static Supplier<Api.Response> request(String receipt, Op op) {
        if (op instanceof VoidSale) {
            return () -> api.post("/api/v1/sales/" + receipt + "/void", "clerk",
                    "{\"reason\":\"rung twice\"," + APPROVAL + "}");
        }
        if (op instanceof Return r) {
            return () -> api.post("/api/v1/returns", "clerk2", """
                    {"receiptNumber":"%s","drawerId":"D4","lines":[{"lineNo":1,"quantity":%d,"reason":"DEFECTIVE","restock":false}],
                     "refundMethod":"%s"}""".formatted(receipt, r.quantity(), r.method()));
        }
        Exchange e = (Exchange) op;
        return () -> api.post("/api/v1/exchanges", "clerk2", """
                {"receiptNumber":"%s","drawerId":"D4",
                 "returnLines":[{"lineNo":1,"quantity":%d,"reason":"WRONG_ITEM","restock":true}],
                 "newLines":[{"sku":"LV-1019","quantity":%d}]}""".formatted(receipt, e.quantity(), e.quantity()));
    }
}
