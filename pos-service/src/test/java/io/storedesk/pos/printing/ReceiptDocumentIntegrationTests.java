package io.storedesk.pos.printing;

import java.awt.image.BufferedImage;
import java.io.IOException;
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
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A sale's receipt fetched over HTTP as PDF and as ESC/POS bytes, read back as a person or printer would. */
class ReceiptDocumentIntegrationTests extends IntegrationTest {

    private String receipt;

    @BeforeEach
    void sell() {
        ensureOpen("D1");
        Api.Response sale = api.post("/api/v1/sales", "clerk", """
                {"drawerId":"D1","lines":[{"sku":"LV-1001","quantity":2},{"sku":"CZ-3002","quantity":1},
                 {"sku":"RU-4001","quantity":1}],"tenders":[{"type":"CASH","amount":"50.00"}]}""");
        assertThat(sale.status()).as(sale.body()).isEqualTo(201);
        receipt = sale.text("receiptNumber");
    }

    private HttpResponse<byte[]> fetch(String query) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/sales/" + receipt + "/receipt" + query))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("clerk:clerk".getBytes()))
                .build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }

    @Test
    void thePdfReceiptShowsLinesTotalsTaxTableAndDiacritics() throws Exception {
        HttpResponse<byte[]> r = fetch("?format=pdf");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("content-type")).hasValue("application/pdf");
        String text = text(r.body());
        assertThat(text).contains("Veikals Rīga Centrs", "Brīvības iela 101", "LV40003000001", receipt);
        assertThat(text).contains("Rupjmaize “Lāči” 500 g", "Becherovka 0,5 l", "Пельмени сибирские 800 г");
        // Latvian number format: decimal comma
        assertThat(text).contains("2 x 1,89 3,78 B", "15,49 A", "4,59 B", "KOPĀ EUR 23,86", "Noapaļošana -0,01",
                "Skaidra nauda 50,00", "Izdots 26,15", "A 21% 12,80 2,69 15,49", "B 12% 7,47 0,90 8,37");
        assertThat(text).contains("Preces var atgriezt 30 dienu laikā ar čeku.");
        try (PDDocument doc = Loader.loadPDF(r.body())) {
            assertThat(doc.getPage(0).getMediaBox().getWidth()).isCloseTo(226.77f, org.assertj.core.data.Offset.offset(0.5f));
            BufferedImage image = new PDFRenderer(doc).renderImageWithDPI(0, 72);
            int dark = 0;
            for (int y = 0; y < image.getHeight(); y++) {
                for (int x = 0; x < image.getWidth(); x++) {
                    if ((image.getRGB(x, y) & 0xFF) < 128) {
                        dark++;
                    }
                }
            }
            assertThat(dark).isGreaterThan(1000);
        }
    }

    @Test
    void aGiftReceiptHasNoPricesAndACopyIsMarked() throws Exception {
        String gift = text(fetch("?format=pdf&gift=true").body());
        assertThat(gift).contains("Rupjmaize “Lāči” 500 g").doesNotContain("15,49", "23,86", "Skaidra nauda");

        String copy = text(fetch("?format=pdf&copy=true").body());
        assertThat(copy).contains("KOPIJA");
        assertThat(text(fetch("?format=pdf").body())).doesNotContain("KOPIJA");
    }

    @Test
    void escPosBytesInitialiseSelectABalticCodePageAndCut() throws Exception {
        HttpResponse<byte[]> r = fetch("?format=escpos");

        assertThat(r.statusCode()).isEqualTo(200);
        byte[] bytes = r.body();
        assertThat(bytes[0]).isEqualTo((byte) 0x1B);
        assertThat(bytes[1]).isEqualTo((byte) '@');
        String asBaltic = new String(bytes, Charset.forName("Cp1257"));
        assertThat(asBaltic).contains("Rupjmaize", "Lāči", receipt);
        assertThat(asBaltic).contains("\u001DV");
        assertThat(asBaltic).contains("KOPĀ EUR");
    }

    @Test
    void unknownFormatOrReceiptIsAProblem() throws Exception {
        assertThat(fetch("?format=docx").statusCode()).isEqualTo(400);
        assertThat(api.get("/api/v1/sales/NOPE/receipt", "clerk").status()).isEqualTo(404);
    }
}
