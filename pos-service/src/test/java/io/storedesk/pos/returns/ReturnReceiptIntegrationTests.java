package io.storedesk.pos.returns;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.util.Base64;

import io.storedesk.pos.support.Api;
import io.storedesk.pos.support.IntegrationTest;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** The receipt of a return, fetched as PDF and ESC/POS and read back as the customer would read it. */
class ReturnReceiptIntegrationTests extends IntegrationTest {

    private static final String VISA = "4761739001010010";

    @BeforeEach
    void openDrawer() {
        ensureOpen("D3");
    }

    private String sale(String tenders) {
        Api.Response sale = api.post("/api/v1/sales", "clerk", """
                {"drawerId":"D3","lines":[{"sku":"LV-1001","quantity":2},{"sku":"CZ-3002","quantity":1},
                 {"sku":"RU-4001","quantity":1}],"tenders":[%s]}""".formatted(tenders));
        assertThat(sale.status()).as(sale.body()).isEqualTo(201);
        return sale.text("receiptNumber");
    }

    private JsonNode returnOf(String receipt, String lines) {
        Api.Response r = api.post("/api/v1/returns", "clerk", """
                {"receiptNumber":"%s","drawerId":"D3","lines":[%s],"refundMethod":"ORIGINAL"}""".formatted(receipt, lines));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    private HttpResponse<byte[]> fetch(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("clerk:clerk".getBytes()))
                .build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String pdfText(byte[] pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }

    /** "6.50" as the Latvian receipt prints a refund: "-6,50". */
    private static String refund(String amount) {
        return "-" + amount.replace('.', ',');
    }

    @Test
    void aCashReturnReceiptShowsTheReturnTheOriginalReceiptTheLinesAndTheCashRefund() throws Exception {
        String receipt = sale("{\"type\":\"CASH\",\"amount\":\"50.00\"}");
        JsonNode ret = returnOf(receipt, """
                {"lineNo":1,"quantity":1,"reason":"DEFECTIVE","restock":false},
                {"lineNo":3,"quantity":1,"reason":"CHANGED_MIND","restock":true}""");
        String number = ret.get("returnNumber").asString();

        HttpResponse<byte[]> r = fetch("/api/v1/returns/" + number + "/receipt?format=pdf");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("content-type")).hasValue("application/pdf");
        String text = pdfText(r.body());
        assertThat(text).contains("Veikals Rīga Centrs", "LV40003000001", "Atgriešana", number,
                "Sākotnējais čeks " + receipt);
        assertThat(text).contains("Rupjmaize “Lāči” 500 g", "-1 x 1,89 -1,89 B", "Пельмени сибирские 800 г",
                "-1 x 4,59 -4,59 B");
        assertThat(text).doesNotContain("Becherovka");
        assertThat(text).contains("Skaidra nauda " + refund(ret.get("refunds").get(0).get("amount").asString()));
        assertThat(text).doesNotContain("KOPIJA");
        assertThat(pdfText(fetch("/api/v1/returns/" + number + "/receipt?format=pdf&copy=true").body())).contains("KOPIJA");
    }

    @Test
    void aCardRefundShowsTheMaskedCardOnlyAndTheEscPosReceiptIsInTheBalticCodePage() throws Exception {
        String receipt = sale("{\"type\":\"CARD\",\"card\":{\"pan\":\"" + VISA + "\",\"expiry\":\"3012\"}}");
        JsonNode ret = returnOf(receipt, "{\"lineNo\":2,\"quantity\":1,\"reason\":\"DEFECTIVE\",\"restock\":false}");
        String number = ret.get("returnNumber").asString();

        String text = pdfText(fetch("/api/v1/returns/" + number + "/receipt").body());
        assertThat(text).contains("Atgriešana", "Becherovka 0,5 l", "Karte -15,49", "Karte 476173******0010",
                "A 21% -12,80 -2,69 -15,49");
        assertThat(text).doesNotContain(VISA);

        HttpResponse<byte[]> escPos = fetch("/api/v1/returns/" + number + "/receipt?format=escpos");
        assertThat(escPos.statusCode()).isEqualTo(200);
        byte[] bytes = escPos.body();
        assertThat(bytes[0]).isEqualTo((byte) 0x1B);
        assertThat(bytes[1]).isEqualTo((byte) '@');
        String baltic = new String(bytes, Charset.forName("Cp1257"));
        assertThat(baltic).contains("Atgriešana", number, "Sākotnējais čeks", "476173******0010", "\u001DV");
        assertThat(baltic).doesNotContain(VISA);
    }

    @Test
    void aStoreCreditRefundPrintsTheCreditCode() throws Exception {
        String receipt = sale("{\"type\":\"CASH\",\"amount\":\"50.00\"}");
        Api.Response r = api.post("/api/v1/returns", "clerk", """
                {"receiptNumber":"%s","drawerId":"D3","lines":[{"lineNo":2,"quantity":1,"reason":"DEFECTIVE",
                 "restock":false}],"refundMethod":"STORE_CREDIT"}""".formatted(receipt));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        JsonNode refund = r.json().get("refunds").get(0);
        assertThat(refund.get("type").asString()).isEqualTo("STORE_CREDIT");
        String code = refund.get("storeCreditCode").asString();

        String text = pdfText(fetch("/api/v1/returns/" + r.text("returnNumber") + "/receipt").body());
        assertThat(text).contains("Atgriešana", "Sākotnējais čeks " + receipt, "Veikala kredīta kods " + code,
                "Becherovka 0,5 l", "Veikala kredīts " + refund(refund.get("amount").asString()));
    }

    @Test
    void aReturnWithoutAReceiptPrintsTheCatalogueNamesAndTheApprovingManager() throws Exception {
        sale("{\"type\":\"CASH\",\"amount\":\"50.00\"}");
        Api.Response r = api.post("/api/v1/returns", "clerk", """
                {"drawerId":"D3","lines":[{"sku":"RU-4001","quantity":1,"reason":"CHANGED_MIND","restock":true}],
                 "refundMethod":"STORE_CREDIT","customerRef":"print-%s","approval":{"manager":"manager","pin":"1234"}}"""
                .formatted(System.nanoTime()));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        String code = r.json().get("refunds").get(0).get("storeCreditCode").asString();

        String text = pdfText(fetch("/api/v1/returns/" + r.text("returnNumber") + "/receipt").body());
        assertThat(text).contains("Atgriešana", "Пельмени сибирские 800 г", "Apstiprināja manager",
                "Veikala kredīta kods " + code, "-" + r.text("refundTotal").replace('.', ','));
        assertThat(text).doesNotContain("Sākotnējais čeks");
    }

    @Test
    void unknownReturnOrFormatIsAProblem() throws Exception {
        assertThat(api.get("/api/v1/returns/S001-R03-RET-999999/receipt", "clerk").status()).isEqualTo(404);
        assertThat(fetch("/api/v1/returns/S001-R03-RET-999999/receipt?format=docx").statusCode()).isEqualTo(400);
        assertThat(api.get("/api/v1/returns/S001-R03-RET-999999/receipt", "office").status()).isEqualTo(403);
    }
}
