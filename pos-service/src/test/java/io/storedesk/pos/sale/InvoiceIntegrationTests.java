package io.storedesk.pos.sale;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;

import io.storedesk.pos.support.Api;
import io.storedesk.pos.support.IntegrationTest;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * A4 invoices of sales for business customers, read back from the PDF; buyer and items together carry
 * ā č ē ģ ķ ļ ņ š ū ž ě ř ů and Cyrillic.
 */
class InvoiceIntegrationTests extends IntegrationTest {

    private static final String BUYER = """
            {"companyName":"SIA Kokmateriāli un lūžņi","vatId":"lv40103999999",
             "address":"Brāļu Kaudzīšu iela 5, Ķeģeļu ciems, Dřevěná 12, Kůřim"}""";

    private String receipt;

    @BeforeEach
    void sell() {
        ensureOpen("D3");
        Api.Response sale = api.post("/api/v1/sales", "clerk", """
                {"drawerId":"D3","lines":[{"sku":"LV-1001","quantity":2},{"sku":"CZ-3002","quantity":1},
                 {"sku":"RU-4001","quantity":1}],"tenders":[{"type":"CASH","amount":"50.00"}]}""");
        assertThat(sale.status()).as(sale.body()).isEqualTo(201);
        receipt = sale.text("receiptNumber");
    }

    private HttpResponse<byte[]> send(String method, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/sales/" + receipt + "/invoice"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("clerk:clerk".getBytes()));
        if (body != null) {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String text(byte[] pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }

    @Test
    void anInvoiceShowsSellerAndBuyerVatIdsLinesWithNetVatAndGrossAndTheTaxTable() throws Exception {
        HttpResponse<byte[]> r = send("POST", BUYER);

        assertThat(r.statusCode()).as(new String(r.body())).isEqualTo(200);
        assertThat(r.headers().firstValue("content-type")).hasValue("application/pdf");
        try (PDDocument doc = Loader.loadPDF(r.body())) {
            assertThat(doc.getPage(0).getMediaBox().getWidth()).isCloseTo(595.28f, within(0.5f));
            assertThat(doc.getPage(0).getMediaBox().getHeight()).isCloseTo(841.89f, within(0.5f));
        }
        String text = text(r.body());
        assertThat(text).contains("RĒĶINS", "Rēķina Nr. " + receipt, "Veikals Rīga Centrs", "PVN reģ. Nr. LV40003000001",
                "Pircējs", "SIA Kokmateriāli un lūžņi", "PVN reģ. Nr. LV40103999999", "Brāļu Kaudzīšu iela 5",
                "Ķeģeļu ciems", "Dřevěná 12", "Kůřim");
        assertThat(text).contains("Nosaukums Daudz. Cena Atlaide Bez PVN PVN Ar PVN Likme",
                "Becherovka 0,5 l 1 15,49 12,80 2,69 15,49 A", "Пельмени сибирские 800 г", "Rupjmaize “Lāči” 500 g",
                "KOPĀ EUR 23,86", "A 21% 12,80 2,69 15,49", "B 12% 7,47 0,90 8,37");
        assertThat(text).doesNotContain("KOPIJA");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM journal_entry WHERE type = 'INVOICE_ISSUED' AND reference = ?")
                .param(receipt).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aSaleHasOneInvoiceAskingAgainGivesACopyAndAnotherBuyerIsRefused() throws Exception {
        assertThat(send("GET", null).statusCode()).isEqualTo(404);
        assertThat(send("POST", BUYER).statusCode()).isEqualTo(200);

        HttpResponse<byte[]> again = send("POST", BUYER);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(text(again.body())).contains("KOPIJA", "Rēķina Nr. " + receipt, "SIA Kokmateriāli un lūžņi");
        assertThat(text(send("GET", null).body())).contains("KOPIJA", "LV40103999999");

        HttpResponse<byte[]> other = send("POST", """
                {"companyName":"SIA Cits","vatId":"LV40000000000"}""");
        assertThat(other.statusCode()).isEqualTo(409);
        assertThat(new String(other.body())).contains("invoice-already-issued", "SIA Kokmateriāli un lūžņi");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM journal_entry WHERE type = 'INVOICE_ISSUED' AND reference = ?")
                .param(receipt).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aBuyerNeedsANameAndAVatId() throws Exception {
        HttpResponse<byte[]> r = send("POST", "{\"companyName\":\"\",\"vatId\":\"not a VAT id\"}");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(new String(r.body())).contains("companyName", "vatId");
        assertThat(send("GET", null).statusCode()).isEqualTo(404);
    }
}
