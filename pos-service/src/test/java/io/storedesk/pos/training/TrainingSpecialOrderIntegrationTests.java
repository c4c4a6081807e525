package io.storedesk.pos.training;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import io.storedesk.pos.specialorder.SpecialOrderSteps;
import io.storedesk.pos.support.Api;
import io.storedesk.pos.support.IntegrationTest;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Special orders in training over HTTP (ADR 0005, issue 24): a user in training takes an order with a cash deposit,
 * marks it arrived and picks it up paying the rest, takes a card deposit and cancels orders with their deposit
 * refunded, all under training numbers, while the real drawer's expected cash, the journal, the real special-order
 * list, the mail and sync outboxes and the customer's purchase history stay as they were; erasing the customer
 * deletes their training orders.
 */
class TrainingSpecialOrderIntegrationTests extends IntegrationTest {

    private static final String VISA = "4761739001010010";

    private SpecialOrderSteps steps;

    @BeforeEach
    void openDrawer() {
        ensureOpen("D1");
        steps = new SpecialOrderSteps(api, "clerk2");
    }

    @AfterEach
    void leaveTraining() {
        api.delete("/api/v1/training/users/clerk2", "manager");
    }

    /** What a training special order must not change, read over HTTP (and the outboxes' sizes). */
    private Map<String, Object> books(String customer) {
        Map<String, Object> books = new LinkedHashMap<>();
        JsonNode x = api.get("/api/v1/drawers/D1/x-report", "manager").json();
        books.put("expected cash", x.get("expectedCash").asString());
        books.put("deposits", x.get("deposits").asString());
        books.put("journal chains", api.get("/api/v1/journal/verify", "manager").json().get("chains"));
        books.put("real special orders", api.get("/api/v1/special-orders?limit=1000", "clerk").json());
        books.put("real orders of the customer", api.get("/api/v1/special-orders?customerId=" + customer, "clerk").json());
        books.put("purchase history", api.get("/api/v1/customers/" + customer + "/purchases", "clerk").json());
        books.put("mail outbox rows", jdbc.sql("SELECT COUNT(*) FROM mail_outbox").query(Long.class).single());
        books.put("sync pending", api.get("/api/v1/sync/status", "clerk").json().get("pendingEvents"));
        books.put("sync outbox rows", jdbc.sql("SELECT COUNT(*) FROM sync_outbox").query(Long.class).single());
        books.put("real order rows", jdbc.sql("SELECT COUNT(*) FROM special_order").query(Long.class).single());
        return books;
    }

    private String customer() {
        String unique = Long.toString(ThreadLocalRandom.current().nextLong(1L << 40, 1L << 41), 36);
        Api.Response r = api.post("/api/v1/customers", "clerk", """
                {"name":"Ilze Training","phone":"+371 2%03d %04d","email":"ilze.%s@example.lv","preferredLanguage":"lv"}"""
                .formatted(ThreadLocalRandom.current().nextInt(1000), ThreadLocalRandom.current().nextInt(10000), unique));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.text("id");
    }

    private Api.Response step(String number, String step, String body) {
        return steps.step(number, step, body);
    }

    private String pdfText(String receiptNumber) throws Exception {
        HttpResponse<byte[]> pdf = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/sales/" + receiptNumber + "/receipt?format=pdf"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("clerk2:clerk2".getBytes()))
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pdf.statusCode()).isEqualTo(200);
        try (PDDocument doc = Loader.loadPDF(pdf.body())) {
            return new PDFTextStripper().getText(doc);
        }
    }

    @Test
    void aSpecialOrderInTrainingIsTakenArrivesAndIsPickedUpWithoutReachingTheBooks() throws Exception {
        String customer = customer();
        assertThat(api.put("/api/v1/training/users/clerk2", "manager", "").status()).isEqualTo(200);
        Map<String, Object> before = books(customer);

        // a cash deposit: a training number, the real order's fields, no drawer cash
        String key = UUID.randomUUID().toString();
        String body = SpecialOrderSteps.CASH_DEPOSIT_ORDER.formatted(customer);
        Api.Response created = api.postIdempotent("/api/v1/special-orders", "clerk2", key, body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String number = created.text("orderNumber");
        assertThat(number).matches("TRN-R01-SO\\d{6}");
        assertThat(created.json().get("training").asBoolean()).isTrue();
        SpecialOrderSteps.assertCashDepositOrder(created);

        // the same key and body again: one training order; the key with another body is refused
        Api.Response again = api.postIdempotent("/api/v1/special-orders", "clerk2", key, body);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.body()).isEqualTo(created.body());
        assertThat(again.headers().get("idempotent-replayed")).isEqualTo("true");
        Api.Response reused = api.postIdempotent("/api/v1/special-orders", "clerk2", key, body.replace("20.00", "25.00"));
        assertThat(reused.status()).as(reused.body()).isEqualTo(422);
        assertThat(reused.body()).contains("idempotency-key-reused");
        assertThat(api.get("/api/v1/special-orders?customerId=" + customer, "clerk2").json())
                .singleElement().satisfies(o -> assertThat(o.get("orderNumber").asString()).isEqualTo(number));

        // the real order's checks, in training too
        Api.Response unknown = api.post("/api/v1/special-orders", "clerk2", body.replace(customer, UUID.randomUUID().toString()));
        assertThat(unknown.status()).as(unknown.body()).isEqualTo(422);
        assertThat(unknown.body()).contains("unknown-customer");
        Api.Response tooMuch = api.post("/api/v1/special-orders", "clerk2", body.replace("20.00", "60.00"));
        assertThat(tooMuch.status()).as(tooMuch.body()).isEqualTo(422);
        assertThat(tooMuch.body()).contains("deposit-exceeds-total");

        // arrival (no e-mail in training), then the pickup pays the rest: a training sale with the deposit first
        Api.Response arrived = steps.arrive(number);
        assertThat(arrived.json().get("emails")).isEmpty();

        String pickupKey = UUID.randomUUID().toString();
        String pickupBody = SpecialOrderSteps.CASH_PICKUP;
        Api.Response pickup = api.postIdempotent("/api/v1/special-orders/" + number + "/pickup", "clerk2", pickupKey,
                pickupBody);
        JsonNode sale = steps.assertPickedUpPayingTheRest(pickup);
        String receipt = sale.get("receiptNumber").asString();
        assertThat(receipt).matches("TRN-R01-\\d{6}");
        assertThat(sale.get("status").asString()).isEqualTo("TRAINING");
        assertThat(api.postIdempotent("/api/v1/special-orders/" + number + "/pickup", "clerk2", pickupKey, pickupBody)
                .body()).isEqualTo(pickup.body());
        assertThat(api.get("/api/v1/special-orders/" + number, "clerk2").text("status")).isEqualTo("PICKED_UP");
        assertThat(step(number, "cancel", "{\"reason\":\"too late\"}").status()).isEqualTo(409);
        assertThat(pdfText(receipt)).contains("APMĀCĪBA - NAV ČEKS", receipt);

        // a cash deposit cancelled goes back in cash, a card deposit (the simulator's rules) to the card
        Api.Response second = api.post("/api/v1/special-orders", "clerk2", body.replace("20.00", "10.00"));
        assertThat(second.status()).as(second.body()).isEqualTo(201);
        String cancelKey = UUID.randomUUID().toString();
        Api.Response cancelled = api.postIdempotent("/api/v1/special-orders/" + second.text("orderNumber") + "/cancel",
                "clerk2", cancelKey, "{\"reason\":\"changed mind\"}");
        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
        assertThat(cancelled.text("status")).isEqualTo("CANCELLED");
        assertThat(cancelled.json().get("refund").get("type").asString()).isEqualTo("CASH");
        assertThat(cancelled.json().get("refund").get("amount").asString()).isEqualTo("10.00");
        assertThat(api.postIdempotent("/api/v1/special-orders/" + second.text("orderNumber") + "/cancel", "clerk2",
                cancelKey, "{\"reason\":\"changed mind\"}").body()).isEqualTo(cancelled.body());

        Api.Response declined = api.post("/api/v1/special-orders", "clerk2", """
                {"customerId":"%s","drawerId":"D1","lines":[{"sku":"EL-2002","quantity":1}],
                 "deposit":{"type":"CARD","amount":"10.51","card":{"pan":"%s","expiry":"3012"}}}""".formatted(customer, VISA));
        assertThat(declined.status()).as(declined.body()).isEqualTo(422);
        assertThat(declined.body()).contains("card-declined");
        Api.Response byCard = api.post("/api/v1/special-orders", "clerk2", """
                {"customerId":"%s","drawerId":"D1","lines":[{"sku":"EL-2002","quantity":1}],
                 "deposit":{"type":"CARD","amount":"15.00","card":{"pan":"%s","expiry":"3012"}}}""".formatted(customer, VISA));
        assertThat(byCard.status()).as(byCard.body()).isEqualTo(201);
        assertThat(byCard.json().get("deposit").get("maskedPan").asString()).isEqualTo("476173******0010");
        assertThat(byCard.body()).doesNotContain(VISA);
        Api.Response cardBack = step(byCard.text("orderNumber"), "cancel", "{\"reason\":\"found it cheaper\"}");
        assertThat(cardBack.status()).as(cardBack.body()).isEqualTo(200);
        assertThat(cardBack.json().get("refund").get("type").asString()).isEqualTo("CARD");
        assertThat(cardBack.json().get("refund").get("amount").asString()).isEqualTo("15.00");

        // a real order is not changed in training (localized like every problem)
        Api.Response real = api.post("/api/v1/special-orders/S001-SO-999999/arrived", "clerk2", "{}",
                Map.of("Accept-Language", "lv"));
        assertThat(real.status()).as(real.body()).isEqualTo(422);
        assertThat(real.text("type")).endsWith("training-not-available");
        assertThat(real.text("title")).isEqualTo("Nav pieejams apmācībā");

        assertThat(books(customer)).isEqualTo(before);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM training_special_order WHERE customer_id = ?").param(customer)
                .query(Long.class).single()).isEqualTo(3);

        // after training: the training order reads back, but the real desk does not know it
        assertThat(api.delete("/api/v1/training/users/clerk2", "manager").status()).isEqualTo(200);
        assertThat(api.get("/api/v1/special-orders/" + number, "clerk").text("status")).isEqualTo("PICKED_UP");
        assertThat(api.post("/api/v1/special-orders/" + byCard.text("orderNumber") + "/arrived", "clerk", "{}").status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/special-orders?customerId=" + customer, "clerk").json()).isEmpty();

        // the customer erased: their training orders go with their data
        Api.Response erased = api.post("/api/v1/customers/" + customer + "/erase", "manager", "{\"reason\":\"asked\"}");
        assertThat(erased.status()).as(erased.body()).isEqualTo(200);
        assertThat(api.get("/api/v1/special-orders/" + number, "clerk").status()).isEqualTo(404);
    }

    @Test
    void aTrainingPickupOfAgeRestrictedGoodsTakesTheAgeCheckAsARealOne() {
        String customer = customer();
        assertThat(api.put("/api/v1/training/users/clerk2", "manager", "").status()).isEqualTo(200);
        String expectedCash = api.get("/api/v1/drawers/D1/x-report", "manager").text("expectedCash");
        SpecialOrderSteps.AgeCheckedPickup pickup = steps.ageCheckedPickup(customer);
        String number = pickup.orderNumber();
        JsonNode sale = pickup.sale();
        assertThat(sale.get("status").asString()).isEqualTo("TRAINING"); // the rest as for real
        assertThat(api.get("/api/v1/drawers/D1/x-report", "manager").text("expectedCash")).isEqualTo(expectedCash);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM journal_entry WHERE reference IN (?, ?)")
                .params(number, sale.get("receiptNumber").asString()).query(Long.class).single()).isZero();
    }
}
