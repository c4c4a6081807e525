package io.storedesk.pos.training;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
 * Training mode over HTTP (ADR 0005, issue 24): a manager puts a user or a register in training; its
 * cash sale, card sale against the simulator and return of a training sale leave the drawer (X report),
 * the journal's register chain, the daily report, a loyalty card, store credit and the sync outbox as they
 * were, and the receipt PDF says "TRAINING - NOT A RECEIPT" in the store's language (Latvian).
 */
class TrainingIntegrationTests extends IntegrationTest {

    private static final String VISA = "4761739001010010";
    private static final String LOYALTY = "2900000000017";

    @BeforeEach
    void openDrawer() {
        ensureOpen("D1");
    }

    @AfterEach
    void leaveTraining() {
        api.delete("/api/v1/training/users/clerk2", "manager");
        api.delete("/api/v1/training/registers/R01", "manager");
    }

    /** What a training session must not change, read over HTTP (and the outbox table's size). */
    private Map<String, Object> books(String businessDate) {
        Map<String, Object> books = new LinkedHashMap<>();
        books.put("x-report", api.get("/api/v1/drawers/D1/x-report", "manager").json());
        books.put("register chain", api.get("/api/v1/journal/verify", "manager").json().get("chains").get("R01"));
        books.put("daily report", api.get("/api/v1/reports/daily?date=" + businessDate, "manager").json());
        books.put("loyalty card", api.get("/api/v1/loyalty/" + LOYALTY, "clerk").json());
        books.put("sync pending", api.get("/api/v1/sync/status", "clerk").json().get("pendingEvents"));
        books.put("sync outbox rows", jdbc.sql("SELECT COUNT(*) FROM sync_outbox").query(Long.class).single());
        books.put("store credits", jdbc.sql("SELECT COUNT(*) FROM store_credit").query(Long.class).single());
        return books;
    }

    private long storeChain() {
        return api.get("/api/v1/journal/verify", "manager").json().get("chains").get("STORE").asLong();
    }

    private static String pdfText(byte[] pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }

    private HttpResponse<byte[]> receiptPdf(String receiptNumber, String user) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/sales/" + receiptNumber + "/receipt?format=pdf"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes()))
                .build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void aTrainingSessionLeavesTheBooksUntouchedAndItsReceiptSaysTraining() throws Exception {
        String real = cashSale("D1", "LV-1001", 1, "5.00"); // a real receipt, sold before the session
        String businessDate = api.get("/api/v1/sales/" + real, "clerk").text("businessDate");
        long storeChain = storeChain();

        Api.Response on = api.put("/api/v1/training/users/clerk2", "manager", "");
        assertThat(on.status()).as(on.body()).isEqualTo(200);
        assertThat(storeChain()).isEqualTo(storeChain + 1);
        assertThat(api.get("/api/v1/training", "clerk").json().get("users").toString()).contains("clerk2");
        Map<String, Object> before = books(businessDate);

        // a cash sale with a loyalty card: a training number, no points
        Api.Response cash = api.post("/api/v1/sales", "clerk2", """
                {"drawerId":"D1","loyaltyCard":"%s","lines":[{"sku":"LV-1001","quantity":2},{"sku":"4750001002591","quantity":1}],
                 "tenders":[{"type":"CASH","amount":"10.00"}]}""".formatted(LOYALTY));
        assertThat(cash.status()).as(cash.body()).isEqualTo(201);
        String trn = cash.text("receiptNumber");
        assertThat(trn).matches("TRN-R01-\\d{6}");
        assertThat(cash.text("status")).isEqualTo("TRAINING");
        assertThat(cash.text("total")).isEqualTo("5.97");
        assertThat(cash.text("cashRounding")).isEqualTo("-0.02");
        assertThat(cash.text("change")).isEqualTo("4.05");
        assertThat(cash.json().get("pointsEarned").asInt()).isZero();

        // a card sale against the simulator
        Api.Response card = api.post("/api/v1/sales", "clerk2", """
                {"drawerId":"D1","lines":[{"sku":"LV-1001","quantity":1}],
                 "tenders":[{"type":"CARD","card":{"pan":"%s","expiry":"3012"}}]}""".formatted(VISA));
        assertThat(card.status()).as(card.body()).isEqualTo(201);
        assertThat(card.text("receiptNumber")).matches("TRN-R01-\\d{6}").isNotEqualTo(trn);
        JsonNode tender = card.json().get("tenders").get(0);
        assertThat(tender.get("type").asString()).isEqualTo("CARD");
        assertThat(tender.get("maskedPan").asString()).isEqualTo("476173******0010");

        // store credit and points keep books of their own: refused in training
        Api.Response credit = api.post("/api/v1/sales", "clerk2", """
                {"drawerId":"D1","lines":[{"sku":"LV-1001","quantity":1}],
                 "tenders":[{"type":"STORE_CREDIT","code":"SC-AAAA-BBBB-CCCC"}]}""");
        assertThat(credit.status()).as(credit.body()).isEqualTo(422);
        assertThat(credit.body()).contains("training-tender-not-supported");

        // a return of the training sale, and a real receipt refused in training
        Api.Response back = api.post("/api/v1/returns", "clerk2", """
                {"receiptNumber":"%s","drawerId":"D1","lines":[{"lineNo":1,"quantity":1,"reason":"CHANGED_MIND","restock":true}]}"""
                .formatted(trn));
        assertThat(back.status()).as(back.body()).isEqualTo(201);
        assertThat(back.text("returnNumber")).matches("TRN-R01-\\d{6}");
        assertThat(back.text("refundTotal")).isEqualTo("1.90"); // 1.89 paid back in cash, rounded as the real till does
        assertThat(back.text("cashRounding")).isEqualTo("0.01");
        assertThat(back.json().get("training").asBoolean()).isTrue();
        assertThat(api.get("/api/v1/sales/" + trn, "clerk2").json().get("lines").get(0).get("returnedQuantity").asInt())
                .isEqualTo(1);
        Api.Response realReturn = api.post("/api/v1/returns", "clerk2", """
                {"receiptNumber":"%s","drawerId":"D1","lines":[{"lineNo":1,"quantity":1,"reason":"CHANGED_MIND","restock":true}]}"""
                .formatted(real));
        assertThat(realReturn.status()).as(realReturn.body()).isEqualTo(422);
        assertThat(realReturn.body()).contains("training-real-receipt");
        Api.Response tooMany = api.post("/api/v1/returns", "clerk2", """
                {"receiptNumber":"%s","drawerId":"D1","lines":[{"lineNo":1,"quantity":2,"reason":"CHANGED_MIND","restock":true}]}"""
                .formatted(trn));
        assertThat(tooMany.status()).as(tooMany.body()).isEqualTo(422);
        assertThat(tooMany.body()).contains("return-quantity-exceeded");

        // everything else that changes the books is refused before it starts
        for (String path : List.of("/api/v1/special-orders/S001-SO-000001/arrived")) {
            Api.Response refused = api.post(path, "clerk2", "{}");
            assertThat(refused.status()).as(path + " " + refused.body()).isEqualTo(422);
            assertThat(refused.body()).as(path).contains("training-not-available");
        }

        // the receipt says TRAINING in the store's language, top and bottom
        HttpResponse<byte[]> pdf = receiptPdf(trn, "clerk2");
        assertThat(pdf.statusCode()).isEqualTo(200);
        String text = pdfText(pdf.body());
        assertThat(text).contains("APMĀCĪBA - NAV ČEKS", trn);
        assertThat(text.indexOf("APMĀCĪBA - NAV ČEKS")).isNotEqualTo(text.lastIndexOf("APMĀCĪBA - NAV ČEKS"));
        assertThat(pdfText(receiptPdf(real, "clerk").body())).doesNotContain("APMĀCĪBA");

        assertThat(books(businessDate)).isEqualTo(before);

        Api.Response off = api.delete("/api/v1/training/users/clerk2", "manager");
        assertThat(off.status()).as(off.body()).isEqualTo(200);
        assertThat(storeChain()).isEqualTo(storeChain + 2);
        assertThat(api.get("/api/v1/journal/entries?chain=STORE&limit=1000", "manager").body())
                .contains("TRAINING_STARTED", "TRAINING_ENDED", "USER:clerk2");

        // out of training: a training number is nothing the real till knows, and clerk2 sells for real
        Api.Response realTill = api.post("/api/v1/returns", "clerk2", """
                {"receiptNumber":"%s","drawerId":"D1","lines":[{"lineNo":2,"quantity":1,"reason":"CHANGED_MIND","restock":true}]}"""
                .formatted(trn));
        assertThat(realTill.status()).as(realTill.body()).isIn(404, 422);
        assertThat(realTill.body()).doesNotContain("\"refundTotal\"");
        Api.Response sale = api.post("/api/v1/sales", "clerk2", """
                {"drawerId":"D1","lines":[{"sku":"LV-1001","quantity":1}],"tenders":[{"type":"CASH","amount":"5.00"}]}""");
        assertThat(sale.status()).as(sale.body()).isEqualTo(201);
        assertThat(sale.text("receiptNumber")).startsWith("S001-R01-");
    }

    @Test
    void anExchangeAndAParkedBasketInTrainingStayInTraining() {
        String real = cashSale("D1", "LV-1001", 1, "5.00");
        String businessDate = api.get("/api/v1/sales/" + real, "clerk").text("businessDate");
        assertThat(api.put("/api/v1/training/users/clerk2", "manager", "").status()).isEqualTo(200);
        long storeChain = storeChain();
        Map<String, Object> before = books(businessDate);

        Api.Response sold = api.post("/api/v1/sales", "clerk2", """
                {"drawerId":"D1","lines":[{"sku":"LV-1015","quantity":2}],
                 "tenders":[{"type":"CARD","card":{"pan":"%s","expiry":"3012"}}]}""".formatted(VISA));
        assertThat(sold.status()).as(sold.body()).isEqualTo(201);
        String trn = sold.text("receiptNumber");
        assertThat(sold.text("total")).isEqualTo("5.98");

        // the new goods cost more: the returned 2.99 pays first, cash the rest (rounded as at the real till)
        String key = java.util.UUID.randomUUID().toString();
        String dearer = """
                {"receiptNumber":"%s","drawerId":"D1",
                 "returnLines":[{"lineNo":1,"quantity":1,"reason":"CHANGED_MIND","restock":true}],
                 "newLines":[{"sku":"EL-2001","quantity":1}],"tenders":[{"type":"CASH","amount":"20.00"}]}""".formatted(trn);
        Api.Response up = api.postIdempotent("/api/v1/exchanges", "clerk2", key, dearer);
        assertThat(up.status()).as(up.body()).isEqualTo(201);
        assertThat(up.json().get("training").asBoolean()).isTrue();
        assertThat(up.text("returnedValue")).isEqualTo("2.99");
        assertThat(up.text("newTotal")).isEqualTo("19.90");
        assertThat(up.text("difference")).isEqualTo("16.91");
        JsonNode newSale = up.json().get("sale");
        assertThat(newSale.get("receiptNumber").asString()).matches("TRN-R01-\\d{6}");
        assertThat(newSale.get("tenders").toString()).contains("\"type\":\"EXCHANGE\",\"amount\":\"2.99\"",
                "\"type\":\"CASH\",\"amount\":\"16.90\",\"tendered\":\"20.00\"");
        assertThat(newSale.get("change").asString()).isEqualTo("3.10");
        String returnNumber = up.json().get("returned").get("returnNumber").asString();
        assertThat(returnNumber).matches("TRN-R01-\\d{6}");
        // the same request again is the same exchange; another body under the key is refused
        Api.Response again = api.postIdempotent("/api/v1/exchanges", "clerk2", key, dearer);
        assertThat(again.json().get("returned").get("returnNumber").asString()).isEqualTo(returnNumber);
        assertThat(again.json().get("sale").get("receiptNumber").asString())
                .isEqualTo(newSale.get("receiptNumber").asString());
        Api.Response reused = api.postIdempotent("/api/v1/exchanges", "clerk2", key, dearer.replace("20.00", "25.00"));
        assertThat(reused.status()).as(reused.body()).isEqualTo(422);
        assertThat(reused.body()).contains("idempotency-key-reused");

        // the new goods cost less: the difference goes back to the sale's card; tenders are refused then
        String cheaper = """
                {"receiptNumber":"%s","drawerId":"D1",
                 "returnLines":[{"lineNo":1,"quantity":1,"reason":"CHANGED_MIND","restock":true}],
                 "newLines":[{"sku":"LV-1001","quantity":1}]%s}""";
        Api.Response paying = api.post("/api/v1/exchanges", "clerk2",
                cheaper.formatted(trn, ",\"tenders\":[{\"type\":\"CASH\",\"amount\":\"5.00\"}]"));
        assertThat(paying.status()).as(paying.body()).isEqualTo(422);
        assertThat(paying.body()).contains("nothing-to-pay");
        Api.Response down = api.post("/api/v1/exchanges", "clerk2", cheaper.formatted(trn, ""));
        assertThat(down.status()).as(down.body()).isEqualTo(201);
        assertThat(down.text("difference")).isEqualTo("-1.10");
        assertThat(down.json().get("returned").get("refunds").toString())
                .contains("\"type\":\"EXCHANGE\",\"amount\":\"1.89\"", "\"type\":\"CARD\",\"amount\":\"1.10\"");
        // both lines are back now; a real receipt is not exchanged in training
        assertThat(api.get("/api/v1/sales/" + trn, "clerk2").json().get("lines").get(0).get("returnedQuantity").asInt())
                .isEqualTo(2);
        Api.Response none = api.post("/api/v1/exchanges", "clerk2", cheaper.formatted(trn, ""));
        assertThat(none.status()).as(none.body()).isEqualTo(422);
        assertThat(none.body()).contains("return-quantity-exceeded");
        Api.Response realOne = api.post("/api/v1/exchanges", "clerk2", cheaper.formatted(real, ""));
        assertThat(realOne.status()).as(realOne.body()).isEqualTo(422);
        assertThat(realOne.body()).contains("training-real-receipt");
        // the exchange's documents read back as training ones
        assertThat(api.get("/api/v1/returns/" + returnNumber, "clerk2").json().get("training").asBoolean()).isTrue();
        assertThat(api.get("/api/v1/sales/" + newSale.get("receiptNumber").asString(), "clerk2").text("status"))
                .isEqualTo("TRAINING");

        // a basket parked in training is a training one: listed and resumed in training only
        Api.Response parked = api.post("/api/v1/baskets", "clerk2", """
                {"drawerId":"D1","lines":[{"sku":"LV-1001","quantity":1}],"note":"training"}""");
        assertThat(parked.status()).as(parked.body()).isEqualTo(201);
        String basket = parked.text("basketNumber");
        assertThat(basket).matches("TRN-R01-P\\d{4}");
        assertThat(api.get("/api/v1/baskets", "clerk2").body()).contains(basket);
        assertThat(api.get("/api/v1/baskets", "clerk").body()).doesNotContain(basket);
        Api.Response realResume = api.post("/api/v1/baskets/" + basket + "/resume", "clerk", "{\"drawerId\":\"D1\"}");
        assertThat(realResume.status()).as(realResume.body()).isEqualTo(422);
        assertThat(realResume.body()).contains("parked-basket-training");
        Api.Response resumed = api.post("/api/v1/baskets/" + basket + "/resume", "clerk2", "{\"drawerId\":\"D1\"}");
        assertThat(resumed.status()).as(resumed.body()).isEqualTo(200);
        assertThat(resumed.text("status")).isEqualTo("RESUMED");

        assertThat(books(businessDate)).isEqualTo(before);
        assertThat(storeChain()).isEqualTo(storeChain);
    }

    @Test
    void aRegisterInTrainingTrainsEveryoneAtItAndOnlyAManagerSwitches() throws Exception {
        assertThat(api.put("/api/v1/training/registers/R01", "clerk", "").status()).isEqualTo(403);
        assertThat(api.put("/api/v1/training/users/clerk", "clerk", "").status()).isEqualTo(403);
        assertThat(api.put("/api/v1/training/registers/R99", "manager", "").status()).isEqualTo(404);
        assertThat(api.put("/api/v1/training/users/nobody", "manager", "").status()).isEqualTo(404);

        Api.Response on = api.put("/api/v1/training/registers/R01", "manager", "");
        assertThat(on.status()).as(on.body()).isEqualTo(200);
        assertThat(api.get("/api/v1/training", "clerk").json().get("registers").toString()).contains("R01");
        String trn = cashSale("D1", "LV-1001", 1, "5.00");
        assertThat(trn).startsWith("TRN-R01-");
        // a repeated request (same Idempotency-Key), also two at once, is one training sale
        String key = java.util.UUID.randomUUID().toString();
        String body = """
                {"drawerId":"D1","lines":[{"sku":"LV-1001","quantity":1}],"tenders":[{"type":"CASH","amount":"5.00"}]}""";
        List<String> numbers = atOnce(2, i -> api.postIdempotent("/api/v1/sales", "clerk", key, body).text("receiptNumber"));
        assertThat(numbers.get(0)).startsWith("TRN-R01-").isEqualTo(numbers.get(1));
        assertThat(api.postIdempotent("/api/v1/sales", "clerk", key, body).text("receiptNumber")).isEqualTo(numbers.get(0));
        Api.Response voided = api.post("/api/v1/sales/" + cashSaleBefore + "/void", "clerk",
                "{\"reason\":\"test\"}");
        assertThat(voided.status()).as(voided.body()).isEqualTo(422);
        assertThat(voided.body()).contains("training-real-receipt");

        assertThat(api.delete("/api/v1/training/registers/R01", "manager").status()).isEqualTo(200);
        assertThat(cashSale("D1", "LV-1001", 1, "5.00")).startsWith("S001-R01-");
        assertThat(api.get("/api/v1/sales/" + trn, "clerk").status()).isEqualTo(200);
    }

    /**
     * Issue 24: a post-void of a training sale (cash, and card against the simulator) and paid-in, paid-out and
     * no-sale at a drawer in training are training documents: the void follows the real void's rules (manager's
     * approval, once, not after a return, a repeat of the key answers the same), the sale reads back VOIDED and its
     * receipt still says TRAINING; no card message goes out; the drawer, journal, day report and outbox stay as
     * they were. A real receipt is not voided in training; a training one is unknown outside training.
     */
    @Test
    void aTrainingSaleIsVoidedAndCashMovesOnPaperWithoutTouchingTheBooks() throws Exception {
        String real = cashSale("D1", "LV-1001", 1, "5.00");
        String businessDate = api.get("/api/v1/sales/" + real, "clerk").text("businessDate");
        assertThat(api.put("/api/v1/training/users/clerk2", "manager", "").status()).isEqualTo(200);
        long storeChain = storeChain();
        Map<String, Object> before = books(businessDate);
        String approval = "\"approval\":{\"manager\":\"manager\",\"pin\":\"1234\"}";

        // a training cash sale voided: the manager approves, as for a real void
        String trn = api.post("/api/v1/sales", "clerk2", """
                {"drawerId":"D1","lines":[{"sku":"LV-1001","quantity":2}],"tenders":[{"type":"CASH","amount":"10.00"}]}""")
                .text("receiptNumber");
        assertThat(trn).matches("TRN-R01-\\d{6}");
        Api.Response unapproved = api.post("/api/v1/sales/" + trn + "/void", "clerk2", "{\"reason\":\"wrong item\"}");
        assertThat(unapproved.status()).as(unapproved.body()).isEqualTo(422);
        assertThat(unapproved.body()).contains("approval-required");
        assertThat(api.get("/api/v1/sales/" + trn, "clerk2").text("status")).isEqualTo("TRAINING");
        String key = java.util.UUID.randomUUID().toString();
        String voidBody = "{\"reason\":\"wrong item\"," + approval + "}";
        Api.Response voided = api.postIdempotent("/api/v1/sales/" + trn + "/void", "clerk2", key, voidBody);
        assertThat(voided.status()).as(voided.body()).isEqualTo(200);
        assertThat(voided.text("receiptNumber")).isEqualTo(trn);
        assertThat(voided.text("status")).isEqualTo("VOIDED");
        assertThat(api.get("/api/v1/sales/" + trn, "clerk2").text("status")).isEqualTo("VOIDED");
        // the same request again answers the same void; another void of it is refused; it is not taken back either
        Api.Response again = api.postIdempotent("/api/v1/sales/" + trn + "/void", "clerk2", key, voidBody);
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(again.text("status")).isEqualTo("VOIDED");
        assertThat(again.headers().get("idempotent-replayed")).isEqualTo("true");
        Api.Response twice = api.post("/api/v1/sales/" + trn + "/void", "clerk2", voidBody);
        assertThat(twice.status()).as(twice.body()).isEqualTo(409);
        assertThat(twice.body()).contains("sale-already-voided");
        Api.Response back = api.post("/api/v1/returns", "clerk2", """
                {"receiptNumber":"%s","drawerId":"D1","lines":[{"lineNo":1,"quantity":1,"reason":"CHANGED_MIND","restock":true}]}"""
                .formatted(trn));
        assertThat(back.status()).as(back.body()).isEqualTo(422);
        assertThat(back.body()).contains("sale-voided");
        // its receipt, reprinted, still says TRAINING
        String text = pdfText(receiptPdf(trn, "clerk2").body());
        assertThat(text).contains("APMĀCĪBA - NAV ČEKS", trn);

        // a training card sale voided: reversed by the simulator's rules, no message on the acquirer link
        Api.Response card = api.post("/api/v1/sales", "clerk2", """
                {"drawerId":"D1","lines":[{"sku":"LV-1001","quantity":1}],
                 "tenders":[{"type":"CARD","card":{"pan":"%s","expiry":"3012"}}]}""".formatted(VISA));
        assertThat(card.status()).as(card.body()).isEqualTo(201);
        simulator.clearReceived();
        Api.Response cardVoid = api.post("/api/v1/sales/" + card.text("receiptNumber") + "/void", "clerk2",
                "{\"reason\":\"wrong card\"," + approval + "}");
        assertThat(cardVoid.status()).as(cardVoid.body()).isEqualTo(200);
        assertThat(cardVoid.text("status")).isEqualTo("VOIDED");
        assertThat(cardVoid.json().get("tenders").get(0).get("maskedPan").asString()).isEqualTo("476173******0010");
        assertThat(simulator.received()).noneMatch(m -> m.mti().startsWith("04") || m.mti().startsWith("02"));

        // two voids of one training sale at once: one voids it, the other finds it voided (checked under the locks)
        String raced = api.post("/api/v1/sales", "clerk2", """
                {"drawerId":"D1","lines":[{"sku":"LV-1001","quantity":1}],"tenders":[{"type":"CASH","amount":"5.00"}]}""")
                .text("receiptNumber");
        List<Integer> outcomes = atOnce(2, i -> api.post("/api/v1/sales/" + raced + "/void", "clerk2", voidBody).status());
        assertThat(outcomes).containsExactlyInAnyOrder(200, 409);

        // a training sale with a return is not voided (return the rest instead); a real receipt is not voided here
        String returned = api.post("/api/v1/sales", "clerk2", """
                {"drawerId":"D1","lines":[{"sku":"LV-1001","quantity":2}],"tenders":[{"type":"CASH","amount":"10.00"}]}""")
                .text("receiptNumber");
        assertThat(api.post("/api/v1/returns", "clerk2", """
                {"receiptNumber":"%s","drawerId":"D1","lines":[{"lineNo":1,"quantity":1,"reason":"CHANGED_MIND","restock":true}]}"""
                .formatted(returned)).status()).isEqualTo(201);
        Api.Response withReturn = api.post("/api/v1/sales/" + returned + "/void", "clerk2", voidBody);
        assertThat(withReturn.status()).as(withReturn.body()).isEqualTo(422);
        assertThat(withReturn.body()).contains("sale-has-returns");
        Api.Response realVoid = api.post("/api/v1/sales/" + real + "/void", "clerk2", voidBody,
                Map.of("Accept-Language", "lv"));
        assertThat(realVoid.status()).as(realVoid.body()).isEqualTo(422);
        assertThat(realVoid.body()).contains("training-real-receipt", "Īsts čeks apmācībā");
        assertThat(api.get("/api/v1/sales/" + real, "clerk").text("status")).isEqualTo("COMPLETED");

        // paid-in, paid-out and no-sale: the drawer's rules hold in training (D1 is in clerk's charge) ...
        String paidIn = "{\"type\":\"PAID_IN\",\"amount\":\"20.00\",\"reason\":\"float top-up\"}";
        Api.Response notHers = api.post("/api/v1/drawers/D1/movements", "clerk2", paidIn);
        assertThat(notHers.status()).as(notHers.body()).isEqualTo(403);
        assertThat(notHers.body()).contains("not-drawer-owner");
        // ... and at a register in training they are training documents numbered from its training counter
        assertThat(api.put("/api/v1/training/registers/R01", "manager", "").status()).isEqualTo(200);
        storeChain++;
        String moveKey = java.util.UUID.randomUUID().toString();
        Api.Response in = api.postIdempotent("/api/v1/drawers/D1/movements", "clerk", moveKey, paidIn);
        assertThat(in.status()).as(in.body()).isEqualTo(201);
        assertThat(in.text("movementNumber")).matches("TRN-R01-M\\d{6}");
        assertThat(in.json().get("training").asBoolean()).isTrue();
        assertThat(in.text("type")).isEqualTo("PAID_IN");
        assertThat(in.text("amount")).isEqualTo("20.00");
        assertThat(in.text("drawerId")).isEqualTo("D1");
        assertThat(in.text("sessionId")).isNotBlank();
        Api.Response inAgain = api.postIdempotent("/api/v1/drawers/D1/movements", "clerk", moveKey, paidIn);
        assertThat(inAgain.status()).as(inAgain.body()).isEqualTo(201);
        assertThat(inAgain.text("movementNumber")).isEqualTo(in.text("movementNumber"));
        Api.Response reused = api.postIdempotent("/api/v1/drawers/D1/movements", "clerk", moveKey,
                paidIn.replace("20.00", "25.00"));
        assertThat(reused.status()).as(reused.body()).isEqualTo(422);
        assertThat(reused.body()).contains("idempotency-key-reused");
        Api.Response out = api.post("/api/v1/drawers/D1/movements", "clerk",
                "{\"type\":\"PAID_OUT\",\"amount\":\"3.50\",\"reason\":\"window cleaner\"}");
        assertThat(out.status()).as(out.body()).isEqualTo(201);
        assertThat(out.text("movementNumber")).matches("TRN-R01-M\\d{6}").isNotEqualTo(in.text("movementNumber"));
        // validated as a real movement: a reason, an amount above zero; no more out than the drawer holds
        Api.Response noReason = api.post("/api/v1/drawers/D1/movements", "clerk",
                "{\"type\":\"PAID_OUT\",\"amount\":\"3.50\"}");
        assertThat(noReason.status()).as(noReason.body()).isEqualTo(400);
        assertThat(noReason.body()).contains("reason");
        Api.Response zero = api.post("/api/v1/drawers/D1/movements", "clerk",
                "{\"type\":\"PAID_IN\",\"amount\":\"0.00\",\"reason\":\"x\"}");
        assertThat(zero.status()).as(zero.body()).isEqualTo(400);
        Api.Response tooMuch = api.post("/api/v1/drawers/D1/movements", "clerk",
                "{\"type\":\"PAID_OUT\",\"amount\":\"999999.00\",\"reason\":\"x\"}");
        assertThat(tooMuch.status()).as(tooMuch.body()).isEqualTo(422);
        assertThat(tooMuch.body()).contains("insufficient-cash");
        // a safe drop moves real cash to the safe: not in training
        Api.Response drop = api.post("/api/v1/drawers/D1/movements", "clerk",
                "{\"type\":\"SAFE_DROP\",\"amount\":\"1.00\"}");
        assertThat(drop.status()).as(drop.body()).isEqualTo(422);
        assertThat(drop.body()).contains("training-not-available");
        Api.Response noSale = api.post("/api/v1/drawers/D1/no-sale", "clerk", "{\"reason\":\"show the trainee\"}");
        assertThat(noSale.status()).as(noSale.body()).isEqualTo(201);
        assertThat(noSale.text("movementNumber")).matches("TRN-R01-M\\d{6}");
        assertThat(noSale.text("reason")).isEqualTo("show the trainee");
        assertThat(noSale.json().get("training").asBoolean()).isTrue();
        assertThat(noSale.json().get("journalSequence").isNull()).isTrue();

        assertThat(books(businessDate)).isEqualTo(before);
        assertThat(storeChain()).isEqualTo(storeChain);

        // out of training a training receipt is unknown to the void
        assertThat(api.delete("/api/v1/training/registers/R01", "manager").status()).isEqualTo(200);
        assertThat(api.delete("/api/v1/training/users/clerk2", "manager").status()).isEqualTo(200);
        Api.Response outside = api.post("/api/v1/sales/" + returned + "/void", "clerk2", voidBody);
        assertThat(outside.status()).as(outside.body()).isEqualTo(404);
    }

    @org.springframework.beans.factory.annotation.Autowired
    io.storedesk.pos.payment.simulator.AcquirerSimulator simulator;

    private String cashSaleBefore;

    @BeforeEach
    void aRealSale() {
        cashSaleBefore = cashSale("D1", "LV-1001", 1, "5.00");
    }
}
