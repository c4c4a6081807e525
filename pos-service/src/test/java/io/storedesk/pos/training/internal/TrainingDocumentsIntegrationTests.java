package io.storedesk.pos.training.internal;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import io.storedesk.pos.support.Api;
import io.storedesk.pos.support.IntegrationTest;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Training documents over HTTP (ADR 0005, issue 24): a training return is read back, printed and shown as PDF
 * through the endpoints of a real return, marked "TRAINING - NOT A RECEIPT" in the store's language (Latvian)
 * under the store's name and at the foot; a training sale or return repeated with its Idempotency-Key answers
 * the first document, and the key with another request is refused as at the real till; training documents older
 * than {@code pos.training.retention-days} (30) are purged (special orders too). Sells at D1 as clerk2 in training.
 * (In this package to reach the purge job, run with a clock moved on.)
 */
class TrainingDocumentsIntegrationTests extends IntegrationTest {

    private static final String VISA = "4761739001010010";
    private static final String TRAINING_LV = "APMĀCĪBA - NAV ČEKS";

    @Autowired
    TrainingPurge purge;
    @Autowired
    Clock clock;

    @BeforeEach
    void clerk2InTraining() {
        ensureOpen("D1");
        Api.Response on = api.put("/api/v1/training/users/clerk2", "manager", "");
        assertThat(on.status()).as(on.body()).isEqualTo(200);
    }

    @AfterEach
    void leaveTraining() {
        api.delete("/api/v1/training/users/clerk2", "manager");
    }

    private String trainingSale(String tender) {
        Api.Response sale = api.post("/api/v1/sales", "clerk2", """
                {"drawerId":"D1","lines":[{"sku":"LV-1001","quantity":2},{"sku":"4750001002591","quantity":1}],
                 "tenders":[%s]}""".formatted(tender));
        assertThat(sale.status()).as(sale.body()).isEqualTo(201);
        assertThat(sale.text("receiptNumber")).startsWith("TRN-R01-");
        return sale.text("receiptNumber");
    }

    private String returnBody(String receipt, int quantity) {
        return """
                {"receiptNumber":"%s","drawerId":"D1","lines":[{"lineNo":1,"quantity":%d,"reason":"DEFECTIVE","restock":false}]}"""
                .formatted(receipt, quantity);
    }

    private HttpResponse<byte[]> fetch(String path, String user) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes()))
                .build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String pdfText(byte[] pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }

    @Test
    void aTrainingReturnIsReadBackPrintedAndShownAsPdfMarkedTraining() throws Exception {
        String cashSale = trainingSale("{\"type\":\"CASH\",\"amount\":\"10.00\"}");
        // the returns page finds the training receipt to take back
        Api.Response page = api.get("/returns/lookup?receipt=" + cashSale, "clerk2");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Rupjmaize").doesNotContain("returns.lookup.notFound");

        Api.Response taken = api.postIdempotent("/api/v1/returns", "clerk2", UUID.randomUUID().toString(),
                returnBody(cashSale, 1));
        assertThat(taken.status()).as(taken.body()).isEqualTo(201);
        String number = taken.text("returnNumber");
        assertThat(number).matches("TRN-R01-\\d{6}");

        // read back like a real return, marked training; also by another user, after training
        Api.Response read = api.get("/api/v1/returns/" + number, "clerk2");
        assertThat(read.status()).as(read.body()).isEqualTo(200);
        JsonNode ret = read.json();
        assertThat(ret.get("training").asBoolean()).isTrue();
        assertThat(ret.get("receiptNumber").asString()).isEqualTo(cashSale);
        assertThat(ret.get("registerId").asString()).isEqualTo("R01");
        assertThat(ret.get("drawerId").asString()).isEqualTo("D1");
        assertThat(ret.get("clerk").asString()).isEqualTo("clerk2");
        assertThat(ret.get("businessDate").asString()).isNotBlank();
        assertThat(ret.get("refundTotal").asString()).isEqualTo("1.90");
        assertThat(ret.get("cashRounding").asString()).isEqualTo("0.01");
        JsonNode line = ret.get("lines").get(0);
        assertThat(line.get("lineNo").asInt()).isEqualTo(1);
        assertThat(line.get("sku").asString()).isEqualTo("LV-1001");
        assertThat(line.get("quantity").asInt()).isEqualTo(1);
        assertThat(line.get("reason").asString()).isEqualTo("DEFECTIVE");
        assertThat(line.get("restock").asBoolean()).isFalse();
        assertThat(line.get("refund").asString()).isEqualTo("1.89");
        assertThat(ret.get("refunds").get(0).get("type").asString()).isEqualTo("CASH");
        assertThat(ret.get("refunds").get(0).get("amount").asString()).isEqualTo("1.90");
        assertThat(read.json()).isEqualTo(taken.json());
        assertThat(api.get("/api/v1/returns/" + number, "clerk").status()).isEqualTo(200);
        assertThat(api.get("/api/v1/returns/TRN-R01-999999", "clerk2").status()).isEqualTo(404);

        // the PDF slip: the training marking under the store's name and at the foot, the lines and amounts
        HttpResponse<byte[]> pdf = fetch("/api/v1/returns/" + number + "/receipt?format=pdf", "clerk2");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("content-type")).hasValue("application/pdf");
        String text = pdfText(pdf.body());
        assertThat(text).contains("Veikals Rīga Centrs", TRAINING_LV, "Atgriešana", number,
                "Sākotnējais čeks " + cashSale, "Rupjmaize “Lāči” 500 g", "-1 x 1,89 -1,89 B",
                "Skaidra nauda -1,90");
        int first = text.indexOf(TRAINING_LV);
        assertThat(first).isGreaterThan(text.indexOf("Veikals Rīga Centrs")).isLessThan(text.indexOf(number));
        assertThat(text.lastIndexOf(TRAINING_LV)).isGreaterThan(text.indexOf("Skaidra nauda -1,90"));
        assertThat(pdfText(fetch("/api/v1/returns/" + number + "/receipt?format=pdf&copy=true", "clerk2").body()))
                .contains("KOPIJA", TRAINING_LV);

        // the ESC/POS slip the receipt printer takes (Baltic code page), marked the same way
        HttpResponse<byte[]> escPos = fetch("/api/v1/returns/" + number + "/receipt?format=escpos", "clerk2");
        assertThat(escPos.statusCode()).isEqualTo(200);
        String baltic = new String(escPos.body(), Charset.forName("Cp1257"));
        assertThat(baltic).contains(TRAINING_LV, "Atgriešana", number, "Sākotnējais čeks");
        assertThat(baltic.indexOf(TRAINING_LV)).isNotEqualTo(baltic.lastIndexOf(TRAINING_LV));
        // printing goes to the register's printer like a real return's (none is configured for R01 here)
        Api.Response print = api.post("/api/v1/returns/" + number + "/print", "clerk2", "{}");
        assertThat(print.status()).as(print.body()).isEqualTo(422);
        assertThat(print.text("type")).endsWith("/problems/no-printer");
        assertThat(print.text("detail")).contains("R01");

        // a card refund names the masked card only
        String cardSale = trainingSale("{\"type\":\"CARD\",\"card\":{\"pan\":\"" + VISA + "\",\"expiry\":\"3012\"}}");
        Api.Response cardBack = api.post("/api/v1/returns", "clerk2", returnBody(cardSale, 1));
        assertThat(cardBack.status()).as(cardBack.body()).isEqualTo(201);
        JsonNode refund = cardBack.json().get("refunds").get(0);
        assertThat(refund.get("type").asString()).isEqualTo("CARD");
        assertThat(refund.get("maskedPan").asString()).isEqualTo("476173******0010");
        String cardText = pdfText(fetch("/api/v1/returns/" + cardBack.text("returnNumber") + "/receipt", "clerk2").body());
        assertThat(cardText).contains(TRAINING_LV, "Karte 476173******0010", "-1 x 1,89")
                .doesNotContain(VISA);
        assertThat(api.get("/api/v1/returns/" + cardBack.text("returnNumber"), "clerk2").body()).doesNotContain(VISA);
        // refund method CASH: all in cash, even for a card sale
        Api.Response inCash = api.post("/api/v1/returns", "clerk2", returnBody(cardSale, 1)
                .replace("]}", "],\"refundMethod\":\"CASH\"}"));
        assertThat(inCash.status()).as(inCash.body()).isEqualTo(201);
        assertThat(inCash.text("refundMethod")).isEqualTo("CASH");
        assertThat(inCash.json().get("refunds")).hasSize(1);
        assertThat(inCash.json().get("refunds").get(0).get("type").asString()).isEqualTo("CASH");

        // after training the documents stay readable and printable
        api.delete("/api/v1/training/users/clerk2", "manager");
        assertThat(api.get("/api/v1/returns/" + number, "clerk2").json().get("training").asBoolean()).isTrue();
        assertThat(pdfText(fetch("/api/v1/returns/" + number + "/receipt", "clerk2").body())).contains(TRAINING_LV);
    }

    @Test
    void aRepeatedKeyAnswersTheFirstDocumentAndAnotherRequestWithItIsRefused() {
        String key = UUID.randomUUID().toString();
        String body = """
                {"drawerId":"D1","lines":[{"sku":"LV-1001","quantity":1}],"tenders":[{"type":"CASH","amount":"5.00"}]}""";
        Api.Response first = api.postIdempotent("/api/v1/sales", "clerk2", key, body);
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(first.headers().get("idempotent-replayed")).isEqualTo("false");
        String receipt = first.text("receiptNumber");
        assertThat(receipt).startsWith("TRN-R01-");

        Api.Response again = api.postIdempotent("/api/v1/sales", "clerk2", key, body);
        assertThat(again.status()).as(again.body()).isEqualTo(201);
        assertThat(again.headers().get("idempotent-replayed")).isEqualTo("true");
        assertThat(again.json()).isEqualTo(first.json());

        Api.Response other = api.postIdempotent("/api/v1/sales", "clerk2", key, body.replace("\"quantity\":1", "\"quantity\":2"));
        assertThat(other.status()).as(other.body()).isEqualTo(422);
        assertThat(other.text("type")).endsWith("/problems/idempotency-key-reused");
        Api.Response badKey = api.postIdempotent("/api/v1/sales", "clerk2", "a key with spaces", body);
        assertThat(badKey.status()).as(badKey.body()).isEqualTo(400);
        assertThat(badKey.text("type")).endsWith("/problems/invalid-idempotency-key");

        // card data is not part of the request's fingerprint: another card with the key replays, never charges
        String cardKey = UUID.randomUUID().toString();
        String card = """
                {"drawerId":"D1","lines":[{"sku":"LV-1001","quantity":1}],"tenders":[{"type":"CARD","card":{"pan":"%s","expiry":"3012"}}]}""";
        Api.Response charged = api.postIdempotent("/api/v1/sales", "clerk2", cardKey, card.formatted(VISA));
        assertThat(charged.status()).as(charged.body()).isEqualTo(201);
        Api.Response otherCard = api.postIdempotent("/api/v1/sales", "clerk2", cardKey, card.formatted("5413330089010442"));
        assertThat(otherCard.status()).as(otherCard.body()).isEqualTo(201);
        assertThat(otherCard.headers().get("idempotent-replayed")).isEqualTo("true");
        assertThat(otherCard.text("receiptNumber")).isEqualTo(charged.text("receiptNumber"));

        // a return: the same body answers the stored return, another body with the key is refused
        String returnKey = UUID.randomUUID().toString();
        String back = """
                {"receiptNumber":"%s","drawerId":"D1","lines":[{"lineNo":1,"quantity":1,"reason":"CHANGED_MIND","restock":true}]}"""
                .formatted(receipt);
        Api.Response taken = api.postIdempotent("/api/v1/returns", "clerk2", returnKey, back);
        assertThat(taken.status()).as(taken.body()).isEqualTo(201);
        Api.Response repeated = api.postIdempotent("/api/v1/returns", "clerk2", returnKey, back);
        assertThat(repeated.status()).as(repeated.body()).isEqualTo(201);
        assertThat(repeated.headers().get("idempotent-replayed")).isEqualTo("true");
        assertThat(repeated.text("returnNumber")).isEqualTo(taken.text("returnNumber"));
        Api.Response otherReturn = api.postIdempotent("/api/v1/returns", "clerk2", returnKey,
                back.replace("CHANGED_MIND", "DEFECTIVE"));
        assertThat(otherReturn.status()).as(otherReturn.body()).isEqualTo(422);
        assertThat(otherReturn.text("type")).endsWith("/problems/idempotency-key-reused");
        assertThat(api.get("/api/v1/sales/" + receipt, "clerk2").json().get("lines").get(0).get("returnedQuantity")
                .asInt()).isEqualTo(1);
    }

    @Test
    void trainingDocumentsOlderThanTheRetentionArePurged() throws Exception {
        String receipt = trainingSale("{\"type\":\"CASH\",\"amount\":\"10.00\"}");
        Api.Response taken = api.post("/api/v1/returns", "clerk2", returnBody(receipt, 1));
        assertThat(taken.status()).as(taken.body()).isEqualTo(201);
        String number = taken.text("returnNumber");
        Api.Response customer = api.post("/api/v1/customers", "clerk", """
                {"name":"Purge Training","phone":"+371 2%07d"}""".formatted(ThreadLocalRandom.current().nextInt(10_000_000)));
        assertThat(customer.status()).as(customer.body()).isEqualTo(201);
        Api.Response order = api.post("/api/v1/special-orders", "clerk2", """
                {"customerId":"%s","drawerId":"D1","lines":[{"sku":"EL-2002","quantity":1}],
                 "deposit":{"type":"CASH","amount":"5.00"}}""".formatted(customer.text("id")));
        assertThat(order.status()).as(order.body()).isEqualTo(201);
        String orderNumber = order.text("orderNumber");
        // a training service case (issue 24) goes once unchanged for as long
        Api.Response kase = api.post("/api/v1/cases", "clerk2", """
                {"customerId":"%s","category":"QUESTION","channel":"PHONE","subject":"Purge"}""".formatted(customer.text("id")));
        assertThat(kase.status()).as(kase.body()).isEqualTo(201);
        String caseNumber = kase.text("caseNumber");
        // a training void and a training paid-in (issue 24) go by age too
        String voided = trainingSale("{\"type\":\"CASH\",\"amount\":\"10.00\"}");
        Api.Response voidAnswer = api.post("/api/v1/sales/" + voided + "/void", "clerk2",
                "{\"reason\":\"purge\",\"approval\":{\"manager\":\"manager\",\"pin\":\"1234\"}}");
        assertThat(voidAnswer.status()).as(voidAnswer.body()).isEqualTo(200);
        assertThat(api.put("/api/v1/training/registers/R01", "manager", "").status()).isEqualTo(200);
        Api.Response paidIn = api.post("/api/v1/drawers/D1/movements", "clerk", // D1 is in clerk's charge
                "{\"type\":\"PAID_IN\",\"amount\":\"1.00\",\"reason\":\"purge\"}");
        assertThat(api.delete("/api/v1/training/registers/R01", "manager").status()).isEqualTo(200);
        assertThat(paidIn.status()).as(paidIn.body()).isEqualTo(201);
        String movement = paidIn.text("movementNumber");
        java.util.function.Supplier<Long> kept = () -> jdbc.sql("SELECT (SELECT COUNT(*) FROM training_sale_void WHERE "
                + "receipt_number = ?) + (SELECT COUNT(*) FROM training_cash_movement WHERE movement_number = ?)")
                .params(voided, movement).query(Long.class).single();

        // 29 days on: kept
        purge.purge(Clock.offset(clock, Duration.ofDays(29)));
        assertThat(api.get("/api/v1/sales/" + receipt, "clerk2").status()).isEqualTo(200);
        assertThat(api.get("/api/v1/special-orders/" + orderNumber, "clerk2").status()).isEqualTo(200);
        assertThat(api.get("/api/v1/cases/" + caseNumber, "clerk2").status()).isEqualTo(200);
        assertThat(api.get("/api/v1/returns/" + number, "clerk2").status()).isEqualTo(200);
        assertThat(api.get("/api/v1/sales/" + voided, "clerk2").text("status")).isEqualTo("VOIDED");
        assertThat(kept.get()).isEqualTo(2);

        // 31 days on: gone, as documents and as slips; running it again purges nothing more
        TrainingPurge.Purged purged = purge.purge(Clock.offset(clock, Duration.ofDays(31)));
        assertThat(purged.sales()).isPositive();
        assertThat(purged.returns()).isPositive();
        assertThat(api.get("/api/v1/sales/" + receipt, "clerk2").status()).isEqualTo(404);
        assertThat(api.get("/api/v1/returns/" + number, "clerk2").status()).isEqualTo(404);
        assertThat(api.get("/api/v1/special-orders/" + orderNumber, "clerk2").status()).isEqualTo(404);
        assertThat(api.get("/api/v1/cases/" + caseNumber, "clerk2").status()).isEqualTo(404);
        assertThat(api.get("/api/v1/sales/" + voided, "clerk2").status()).isEqualTo(404);
        assertThat(kept.get()).isZero();
        assertThat(fetch("/api/v1/sales/" + receipt + "/receipt", "clerk2").statusCode()).isEqualTo(404);
        assertThat(fetch("/api/v1/returns/" + number + "/receipt", "clerk2").statusCode()).isEqualTo(404);
        assertThat(purge.purge(Clock.offset(clock, Duration.ofDays(31)))).isEqualTo(new TrainingPurge.Purged(0, 0));

        // the training till numbers on; a purged number is not given again
        String next = trainingSale("{\"type\":\"CASH\",\"amount\":\"10.00\"}");
        assertThat(Long.parseLong(next.substring(next.lastIndexOf('-') + 1)))
                .isGreaterThan(Long.parseLong(number.substring(number.lastIndexOf('-') + 1)));
    }
}
