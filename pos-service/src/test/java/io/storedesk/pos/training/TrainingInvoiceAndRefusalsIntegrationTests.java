package io.storedesk.pos.training;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Stream;

import io.storedesk.pos.support.Api;
import io.storedesk.pos.support.IntegrationTest;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ADR 0005, "What training does not do, and why" (issue 24), over HTTP: the A4 invoice of a training sale is a
 * training document (marked TRAINING in the store's language, numbered with its TRN- number, nothing stored or
 * journaled, the real receipt and invoice sequence untouched); what training refuses says why, in the caller's
 * language.
 */
class TrainingInvoiceAndRefusalsIntegrationTests extends IntegrationTest {

    private static final String INVOICE = """
            {"companyName":"Mācību SIA","vatId":"LV40003000001","address":"Brīvības iela 1, Rīga"}""";

    @BeforeEach
    void openDrawer() {
        ensureOpen("D1");
    }

    @AfterEach
    void leaveTraining() {
        api.delete("/api/v1/training/users/clerk2", "manager");
    }

    private String trainingSale() {
        Api.Response on = api.put("/api/v1/training/users/clerk2", "manager", "");
        assertThat(on.status()).as(on.body()).isEqualTo(200);
        Api.Response sale = api.post("/api/v1/sales", "clerk2", """
                {"drawerId":"D1","lines":[{"sku":"LV-1001","quantity":2}],"tenders":[{"type":"CASH","amount":"10.00"}]}""");
        assertThat(sale.status()).as(sale.body()).isEqualTo(201);
        assertThat(sale.text("receiptNumber")).startsWith("TRN-");
        return sale.text("receiptNumber");
    }

    private HttpResponse<byte[]> invoice(String receiptNumber, String user) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/sales/" + receiptNumber + "/invoice"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes()))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(INVOICE)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String pdfText(byte[] pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }

    private static long sequence(String receiptNumber) {
        return Long.parseLong(receiptNumber.substring(receiptNumber.lastIndexOf('-') + 1));
    }

    @Test
    void aTrainingSaleIsInvoicedAsATrainingDocumentAndTakesNoRealNumber() throws Exception {
        String before = cashSale("D1", "LV-1001", 1, "5.00");
        long invoices = count("sale_invoice");
        String registerChain = api.get("/api/v1/journal/verify", "manager").json().get("chains").get("R01").toString();
        String trn = trainingSale();

        HttpResponse<byte[]> pdf = invoice(trn, "clerk2");
        assertThat(pdf.statusCode()).as(new String(pdf.body())).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        String text = pdfText(pdf.body());
        assertThat(text).contains(trn, "Mācību SIA", "LV40003000001");
        // "TRAINING - NOT A RECEIPT" in the store's language (Latvian), first and last
        assertThat(text.indexOf("APMĀCĪBA - NAV ČEKS")).isNotNegative()
                .isNotEqualTo(text.lastIndexOf("APMĀCĪBA - NAV ČEKS"));
        // nothing kept or journaled: asked again it is the same training invoice, never a stored copy
        assertThat(invoice(trn, "clerk2").statusCode()).isEqualTo(200);
        assertThat(api.get("/api/v1/sales/" + trn + "/invoice", "clerk2").status()).isEqualTo(404);
        assertThat(count("sale_invoice")).isEqualTo(invoices);
        assertThat(api.get("/api/v1/journal/verify", "manager").json().get("chains").get("R01").toString())
                .isEqualTo(registerChain);
        // a real sale is not invoiced in training
        Api.Response real = api.post("/api/v1/sales/" + before + "/invoice", "clerk2", INVOICE,
                Map.of("Accept-Language", "lv"));
        assertThat(real.status()).as(real.body()).isEqualTo(422);
        assertThat(real.text("type")).endsWith("/problems/training-real-receipt");

        api.delete("/api/v1/training/users/clerk2", "manager");
        assertThat(invoice(trn, "clerk2").statusCode()).isEqualTo(404); // outside training a TRN- sale is unknown
        // the real sequence went on where it was: the next real receipt (and so its invoice number) follows
        String after = cashSale("D1", "LV-1001", 1, "5.00");
        assertThat(sequence(after)).isEqualTo(sequence(before) + 1);
        HttpResponse<byte[]> realInvoice = invoice(after, "clerk");
        assertThat(realInvoice.statusCode()).isEqualTo(200);
        assertThat(pdfText(realInvoice.body())).contains(after).doesNotContain("APMĀCĪBA");
        assertThat(count("sale_invoice")).isEqualTo(invoices + 1);
    }

    /** What training refuses, the problem type, what it names as refused, and the start of the reason. */
    static Stream<Arguments> refusals() {
        return Stream.of(
                Arguments.of("/api/v1/customers", "{\"name\":\"Mācekļa Klients\",\"phone\":\"+37120000999\"}", "lv",
                        "training-not-available", "customer", "Klienti ir īsti ieraksti"),
                Arguments.of("/api/v1/stock/receipts", "{\"lines\":[{\"sku\":\"LV-1001\",\"quantity\":1}]}", "cs",
                        "training-not-available", "stock", "Příjemky, úpravy a inventury mění skutečnou zásobu"),
                Arguments.of("/api/v1/drawers/D1/movements", "{\"type\":\"SAFE_DROP\",\"amount\":\"1.00\"}", "ru",
                        "training-not-available", "safe", "Сдача в сейф или выемка из сейфа"),
                Arguments.of("/api/v1/sales/{trn}/email", "{\"to\":\"customer@example.com\"}", "en",
                        "training-not-available", "receipt-email", "An e-mail would reach a real customer's mailbox"),
                Arguments.of("/api/v1/sales", """
                        {"drawerId":"D1","lines":[{"sku":"LV-1001","quantity":1}],
                         "tenders":[{"type":"STORE_CREDIT","code":"SC-AAAA-BBBB-CCCC"}]}""", "lv",
                        "training-tender-not-supported", null, "Apmācībā maksā tikai skaidrā naudā un ar karti"),
                Arguments.of("/api/v1/sales", """
                        {"drawerId":"D1","lines":[{"sku":"LV-1001","quantity":1}],
                         "tenders":[{"type":"GIFT_CARD","giftCard":"7001000000004321"}]}""", "cs",
                        "training-tender-not-supported", null, "Ve školení se platí jen"));
    }

    @ParameterizedTest(name = "{0} in {2}")
    @MethodSource("refusals")
    void whatTrainingRefusesSaysWhyInTheCallersLanguage(String path, String body, String language, String type,
            String refused, String why) {
        String trn = trainingSale();
        Api.Response r = api.post(path.replace("{trn}", trn), "clerk2", body, Map.of("Accept-Language", language));
        assertThat(r.status()).as(r.body()).isEqualTo(422);
        assertThat(r.text("type")).endsWith("/problems/" + type);
        assertThat(r.text("detail")).as(r.body()).startsWith(why);
        if (refused != null) {
            assertThat(r.text("refused")).isEqualTo(refused);
        }
    }

    @Test
    void aTrainingReceiptIsNotEMailedOutsideTrainingEither() {
        String trn = trainingSale();
        api.delete("/api/v1/training/users/clerk2", "manager");
        Api.Response r = api.post("/api/v1/sales/" + trn + "/email", "clerk2", "{\"to\":\"customer@example.com\"}",
                Map.of("Accept-Language", "lv"));
        assertThat(r.status()).as(r.body()).isEqualTo(422);
        assertThat(r.text("refused")).isEqualTo("receipt-email");
        assertThat(r.text("detail")).startsWith("E-pasts nonāktu īsta klienta pastkastītē");
    }

    @Test
    void thePagesDisableWhatTrainingRefusesWithAHint() {
        Api.Response on = api.put("/api/v1/training/users/clerk2", "manager", "");
        assertThat(on.status()).as(on.body()).isEqualTo(200);
        // the pages in the store's language (Latvian)
        String customers = api.get("/customers", "clerk2").body();
        assertThat(customers).contains("id=\"new-training\"", "Apmācībā klientus neizveido un nemaina")
                .containsPattern("id=\"new-submit\"[^>]*disabled");
        String receive = api.get("/stock/receive", "clerk2").body();
        assertThat(receive).contains("id=\"receive-training\"").containsPattern("id=\"receive-confirm\"[^>]*disabled");
        String drawer = api.get("/drawer", "clerk2").body();
        assertThat(drawer).contains("id=\"mv-training\"").containsPattern("value=\"SAFE_DROP\"[^>]*disabled");
        String sale = api.get("/sale", "clerk2").body();
        assertThat(sale).contains("id=\"email-training\"", "Apmācības čeku nesūta pa e-pastu");

        // outside training nothing is disabled
        api.delete("/api/v1/training/users/clerk2", "manager");
        assertThat(api.get("/customers", "clerk2").body()).doesNotContain("id=\"new-training\"")
                .doesNotContainPattern("id=\"new-submit\"[^>]*disabled");
        assertThat(api.get("/drawer", "clerk2").body()).doesNotContainPattern("value=\"SAFE_DROP\"[^>]*disabled");
    }
}
