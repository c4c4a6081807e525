package io.storedesk.pos.report;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Base64;

import io.storedesk.pos.support.Api;
import io.storedesk.pos.support.MutableClock;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A shift's printed documents: the X report while the drawer is open, the drawer close with its
 * count by denomination, and the Z report of the closed day, printed from the copy stored at the
 * close. The test works on a business day of its own (a settable clock).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"pos.data-dir=target/test-data/report-documents-${random.uuid}"})
class ReportDocumentIntegrationTests {

    @TestConfiguration
    static class Clocks {
        @Bean
        @Primary
        MutableClock testClock() {
            return new MutableClock(Instant.parse("2031-03-02T08:00:00Z"));
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    private HttpResponse<byte[]> fetch(String path, String user) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes()))
                .build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String pdfText(HttpResponse<byte[]> response) throws Exception {
        assertThat(response.statusCode()).as(new String(response.body())).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).hasValue("application/pdf");
        try (PDDocument doc = Loader.loadPDF(response.body())) {
            return new PDFTextStripper().getText(doc);
        }
    }

    private static String escPos(HttpResponse<byte[]> response) {
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()[0]).isEqualTo((byte) 0x1B);
        assertThat(response.body()[1]).isEqualTo((byte) '@');
        return new String(response.body(), Charset.forName("Cp1257"));
    }

    private static String lvDate(LocalDate day) {
        return day.format(DateTimeFormatter.ofPattern("dd.MM.yyyy"));
    }

    private static String lv(String amount) {
        return amount.replace('.', ',');
    }

    @Test
    void xReportDrawerCloseAndZReportPrintWithTheirFigures() throws Exception {
        Api api = new Api(port);
        LocalDate today = LocalDate.of(2031, 3, 2);
        // 2 x 20 + 2 x 5 + 10 x 1 = 60.00
        assertThat(api.post("/api/v1/drawers/D1/open", "clerk", "{\"float\":{\"20.00\":2,\"5.00\":2,\"1.00\":10}}")
                .status()).isEqualTo(201);
        for (String sale : new String[] {
                "{\"sku\":\"LV-1001\",\"quantity\":2}],\"tenders\":[{\"type\":\"CASH\",\"amount\":\"10.00\"}]",
                "{\"sku\":\"EL-2002\",\"quantity\":1}],\"tenders\":[{\"type\":\"CASH\",\"amount\":\"50.00\"}]"}) {
            Api.Response r = api.post("/api/v1/sales", "clerk", "{\"drawerId\":\"D1\",\"lines\":[" + sale + "}");
            assertThat(r.status()).as(r.body()).isEqualTo(201);
        }

        // X report: 60.00 float + 3.80 + 49.00 cash sales
        String x = pdfText(fetch("/api/v1/drawers/D1/x-report?format=pdf", "manager"));
        assertThat(x).contains("Veikals Rīga Centrs", "X atskaite", "Naudas kaste D1", "Sākuma atlikums 60,00",
                "Pārdošana skaidrā naudā 52,80", "Paredzētā nauda 112,80", "Darījumi 2", "Skaidra nauda 52,80",
                "Darba diena " + lvDate(today), "Atvēra Anna Bērziņa (clerk)");
        assertThat(x).doesNotContain(today.toString(), "Atvēra clerk");
        assertThat(escPos(fetch("/api/v1/drawers/D1/x-report?format=escpos", "manager")))
                .contains("X atskaite", "Paredzētā nauda", "112,80", "\u001DV");
        assertThat(fetch("/api/v1/drawers/D1/x-report?format=pdf", "clerk").statusCode()).isEqualTo(403);
        assertThat(api.get("/api/v1/drawers/D1/x-report", "manager").json().get("expectedCash").asString())
                .isEqualTo("112.80");
        assertThat(fetch("/api/v1/drawers/D1/x-report?format=docx", "manager").statusCode()).isEqualTo(400);

        // the close, counted by denomination: 2 x 50 + 10 + 2 + 0.50 + 0.20 + 0.10 = 112.80
        Api.Response closed = api.post("/api/v1/drawers/D1/close", "clerk",
                "{\"counted\":{\"50.00\":2,\"10.00\":1,\"2.00\":1,\"0.50\":1,\"0.20\":1,\"0.10\":1}}");
        assertThat(closed.status()).as(closed.body()).isEqualTo(200);
        String session = closed.text("sessionId");
        String close = pdfText(fetch("/api/v1/drawers/D1/close-report?format=pdf&session=" + session, "clerk"));
        assertThat(close).contains("Kases slēgšana", "Maiņa " + session, "Darba diena " + lvDate(today),
                "Atvēra Anna Bērziņa (clerk)", "Slēdza Anna Bērziņa (clerk)", "Sākuma atlikums 60,00", "Skaitīšana", "50,00 x 2 100,00", "10,00 x 1 10,00",
                "2,00 x 1 2,00", "0,50 x 1 0,50", "0,20 x 1 0,20", "0,10 x 1 0,10", "Paredzētā nauda 112,80",
                "Saskaitītā nauda 112,80", "Starpība 0,00", "Rezultāts Sakrīt", "Pārdošana skaidrā naudā 52,80");
        assertThat(close.indexOf("50,00 x 2")).isLessThan(close.indexOf("0,10 x 1"));
        assertThat(pdfText(fetch("/api/v1/drawers/D1/close-report", "clerk"))).contains("Maiņa " + session);
        assertThat(escPos(fetch("/api/v1/drawers/D1/close-report?format=escpos&copy=true", "clerk")))
                .contains("Kases slēgšana", "50,00 x 2", "KOPIJA");
        assertThat(fetch("/api/v1/drawers/D1/close-report?session=00000000-0000-0000-0000-000000000000", "clerk")
                .statusCode()).isEqualTo(404);
        assertThat(fetch("/api/v1/drawers/D4/close-report", "clerk").statusCode()).isEqualTo(404);

        // the Z report of the day
        Api.Response zClose = api.post("/api/v1/business-days/" + today + "/close", "manager", "");
        assertThat(zClose.status()).as(zClose.body()).isEqualTo(201);
        JsonNode z = zClose.json();
        long zNumber = z.get("zNumber").asLong();
        String zText = pdfText(fetch("/api/v1/reports/z/" + zNumber + "/document?format=pdf", "manager"));
        assertThat(zText).contains("Z atskaite", "Z Nr. " + zNumber, "Darba diena " + lvDate(today), "Pārdošanas 2",
                "Pārdošana kopā " + lv(z.get("salesTotal").asString()), "Neto pārdošana " + lv(z.get("netSales").asString()),
                "PVN kopā " + lv(z.get("taxTotal").asString()), "Skaidra nauda " + lv(z.get("tenders").get("CASH").asString()),
                "Slēdza Līga Kalniņa (manager)", "D1 Anna Bērziņa (clerk) Starpība 0,00",
                "Nodaļas", "Elektronika 49,00", "Pārtika 3,78", "A 21%", "B 12%");
        // departments by display name, not code; tax lines with their letters, A before B
        assertThat(zText).doesNotContain("ELECTRONICS", "FOOD", "D1 clerk ");
        assertThat(zText.indexOf("A 21%")).isLessThan(zText.indexOf("B 12%"));
        assertThat(zText.indexOf("Elektronika")).isLessThan(zText.indexOf("Pārtika"));
        assertThat(pdfText(fetch("/api/v1/reports/z/" + zNumber + "/document", "office"))).contains("Z Nr. " + zNumber);
        assertThat(escPos(fetch("/api/v1/reports/z/" + zNumber + "/document?format=escpos", "manager")))
                .contains("Z atskaite", "Neto pārdošana");
        assertThat(fetch("/api/v1/reports/z/" + zNumber + "/document", "clerk").statusCode()).isEqualTo(403);
        assertThat(fetch("/api/v1/reports/z/999999/document", "manager").statusCode()).isEqualTo(404);

        // a reprint shows the stored figures: change the stored copy and the print follows it, not the sales
        String net = z.get("netSales").asString();
        jdbc.sql("UPDATE z_report SET payload = REPLACE(payload, ?, ?) WHERE z_number = ?")
                .params("\"netSales\":\"" + net + "\"", "\"netSales\":\"1234.56\"", zNumber).update();
        String reprint = pdfText(fetch("/api/v1/reports/z/" + zNumber + "/document?copy=true", "manager"));
        assertThat(reprint).contains("KOPIJA", "Neto pārdošana 1").doesNotContain("Neto pārdošana " + lv(net));
        assertThat(reprint).contains("234,56");

        // printing needs a printer at the register
        Api.Response print = api.post("/api/v1/reports/z/" + zNumber + "/print", "manager", "{\"registerId\":\"R01\"}");
        assertThat(print.status()).isEqualTo(422);
        assertThat(print.text("type")).endsWith("/problems/no-printer");
        assertThat(api.post("/api/v1/reports/z/" + zNumber + "/print", "clerk", "{\"registerId\":\"R01\"}").status())
                .isEqualTo(403);
    }
}
