package io.storedesk.pos.sale;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.Map;

import io.storedesk.pos.support.Api;
import io.storedesk.pos.support.IntegrationTest;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tax-exempt sales over HTTP at drawer D1 (issue 24): the demo store sells tax-inclusive at 21 %
 * (letter A), so EL-2001 at 19.90 holds 3.45 of tax and sells exempt for 16.45 at rate 0 (letter E).
 * Every exemption needs a manager's approval; the customer's document is required and is an EU VAT
 * id for the reverse charge; the receipt and invoice carry the legal wording in the store's language
 * (Latvian), the journal the exemption and its approver, and a return refunds what was paid.
 */
class TaxExemptSaleIntegrationTests extends IntegrationTest {

    private static final String APPROVAL = "{\"manager\":\"manager\",\"pin\":\"1234\"}";
    private static final String WRONG_PIN = "{\"manager\":\"manager\",\"pin\":\"9999\"}";
    private static final String EXPORT = "{\"reason\":\"EXPORT\",\"document\":\"UA FX 123456\"}";

    @BeforeEach
    void openDrawer() {
        ensureOpen("D1");
    }

    private Api.Response sell(String exemption, String approval, Map<String, String> headers) {
        return api.post("/api/v1/sales", "clerk", """
                {"drawerId":"D1","lines":[{"sku":"EL-2001","quantity":1}],"tenders":[{"type":"CASH","amount":"20.00"}]
                 %s%s}""".formatted(exemption == null ? "" : ",\"taxExemption\":" + exemption,
                approval == null ? "" : ",\"approval\":" + approval), headers);
    }

    private JsonNode exemptSale(String exemption) {
        Api.Response r = sell(exemption, APPROVAL, Map.of());
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    @Test
    void theQuoteShowsTheSaleWithoutTaxAndThatAManagerMustApprove() {
        Api.Response q = api.post("/api/v1/sales/quote", "clerk", """
                {"lines":[{"sku":"EL-2001","quantity":1}],"taxExemption":%s}""".formatted(EXPORT));

        assertThat(q.status()).as(q.body()).isEqualTo(200);
        assertThat(q.text("total")).isEqualTo("16.45");
        assertThat(q.text("taxTotal")).isEqualTo("0.00");
        assertThat(q.json().get("approvalNeeded").get(0).asString()).contains("tax-exempt sale (EXPORT)");
    }

    @Test
    void anExemptSaleNeedsAManagersApprovalAndSellsAtTheNetPriceWithoutTax() {
        long sales = count("sale");

        Api.Response none = sell(EXPORT, null, Map.of("Accept-Language", "lv"));
        assertThat(none.status()).as(none.body()).isEqualTo(422);
        assertThat(none.text("type")).endsWith("/problems/tax-exempt-needs-approval");
        assertThat(none.text("detail")).contains("vadītāja apstiprinājumu");
        Api.Response wrong = sell(EXPORT, WRONG_PIN, Map.of());
        assertThat(wrong.status()).as(wrong.body()).isEqualTo(403);
        assertThat(count("sale")).isEqualTo(sales);

        JsonNode sale = exemptSale(EXPORT);
        assertThat(sale.get("total").asString()).isEqualTo("16.45");
        assertThat(sale.get("taxTotal").asString()).isEqualTo("0.00");
        JsonNode line = sale.get("lines").get(0);
        assertThat(line.get("net").asString()).isEqualTo("16.45");
        assertThat(line.get("tax").asString()).isEqualTo("0.00");
        assertThat(line.get("taxRate").asString()).isEqualTo("0");
        assertThat(line.get("taxLetter").asString()).isEqualTo("E");
        assertThat(sale.get("taxes").get(0).get("tax").asString()).isEqualTo("0.00");
        JsonNode exemption = sale.get("taxExemption");
        assertThat(exemption.get("reason").asString()).isEqualTo("EXPORT");
        assertThat(exemption.get("document").asString()).isEqualTo("UAFX123456");
        assertThat(exemption.get("approvedBy").asString()).isEqualTo("manager");
        assertThat(exemption.get("taxNotCharged").asString()).isEqualTo("3.45");
        assertThat(sale.get("change").asString()).isEqualTo("3.55");
        assertThat(api.get("/api/v1/sales/" + sale.get("receiptNumber").asString(), "clerk").json().get("taxExemption"))
                .isEqualTo(exemption);

        String payload = jdbc.sql("SELECT payload FROM journal_entry WHERE type = 'SALE_COMPLETED' AND reference = ?")
                .param(sale.get("receiptNumber").asString()).query(String.class).single();
        assertThat(payload).contains("\"taxExemption\"", "\"reason\":\"EXPORT\"", "\"document\":\"UAFX123456\"",
                "\"approvedBy\":\"manager\"", "\"taxNotCharged\":\"3.45\"");
    }


    @Test
    void oneApprovalCoversADiscountBeyondTheLimitAndTheExemptionWhichApplyAfterTheDiscount() {
        Api.Response r = api.post("/api/v1/sales", "clerk", """
                {"drawerId":"D1","lines":[{"sku":"EL-2001","quantity":1,"discount":{"percent":"20","reason":"DAMAGED"}}],
                 "taxExemption":%s,"approval":%s,"tenders":[{"type":"CASH","amount":"20.00"}]}""".formatted(EXPORT, APPROVAL));

        assertThat(r.status()).as(r.body()).isEqualTo(201);
        // 19.90 less 20 % = 15.92, which holds 2.76 of tax: sold for 13.16
        assertThat(r.text("total")).isEqualTo("13.16");
        assertThat(r.json().get("taxExemption").get("taxNotCharged").asString()).isEqualTo("2.76");
        assertThat(r.json().get("discounts").get(0).get("approvedBy").asString()).isEqualTo("manager");
        assertThat(r.json().get("taxExemption").get("approvedBy").asString()).isEqualTo("manager");
    }

    @Test
    void theReasonMustBeConfiguredTheDocumentGivenAndAReverseChargeNeedsAnEuVatId() {
        long sales = count("sale");

        Api.Response unknown = sell("{\"reason\":\"FRIENDS\",\"document\":\"X1\"}", APPROVAL, Map.of("Accept-Language", "cs"));
        assertThat(unknown.status()).as(unknown.body()).isEqualTo(422);
        assertThat(unknown.text("type")).endsWith("/problems/unknown-tax-exempt-reason");
        assertThat(unknown.text("detail")).contains("důvod osvobození");
        Api.Response noDocument = sell("{\"reason\":\"EXPORT\",\"document\":\" \"}", APPROVAL, Map.of());
        assertThat(noDocument.status()).as(noDocument.body()).isEqualTo(400);
        assertThat(noDocument.body()).contains("taxExemption.document");
        Api.Response notVat = sell("{\"reason\":\"REVERSE_CHARGE\",\"document\":\"12345678\"}", APPROVAL,
                Map.of("Accept-Language", "ru"));
        assertThat(notVat.status()).as(notVat.body()).isEqualTo(422);
        assertThat(notVat.text("type")).endsWith("/problems/invalid-vat-id");
        assertThat(notVat.text("detail")).contains("12345678", "номер НДС ЕС");
        Api.Response usVat = sell("{\"reason\":\"REVERSE_CHARGE\",\"document\":\"US123456789\"}", APPROVAL, Map.of());
        assertThat(usVat.status()).as(usVat.body()).isEqualTo(422);
        assertThat(count("sale")).isEqualTo(sales);

        JsonNode sale = exemptSale("{\"reason\":\"REVERSE_CHARGE\",\"document\":\"lv 4000-301 2345\"}");
        assertThat(sale.get("taxExemption").get("document").asString()).isEqualTo("LV40003012345");
        assertThat(sale.get("total").asString()).isEqualTo("16.45");
    }

    @Test
    void theReceiptAndTheInvoiceCarryTheLegalWordingInTheStoresLanguage() throws Exception {
        JsonNode sale = exemptSale("{\"reason\":\"REVERSE_CHARGE\",\"document\":\"LV40103999999\"}");
        String receipt = sale.get("receiptNumber").asString();

        String text = text(send("GET", "/api/v1/sales/" + receipt + "/receipt?format=pdf", null));
        assertThat(text).contains("Apgrieztā maksāšanas kārtība: PVN maksā pircējs",
                "Pircēja dokuments / PVN numurs: LV40103999999", "PVN netiek piemērots (apgrieztā maksāšana)", "-3,45",
                "16,45");
        String invoice = text(send("POST", "/api/v1/sales/" + receipt + "/invoice", """
                {"companyName":"SIA Kokmateriāli","vatId":"LV40103999999","address":"Brīvības iela 1, Rīga"}"""));
        assertThat(invoice).contains("Apgrieztā maksāšanas kārtība: PVN maksā pircējs", "KOPĀ EUR 16,45");
    }

    @Test
    void aReturnOfAnExemptSaleRefundsWhatWasPaidWithoutTax() {
        JsonNode sale = exemptSale(EXPORT);

        Api.Response r = api.post("/api/v1/returns", "clerk", """
                {"receiptNumber":"%s","drawerId":"D1","lines":[{"lineNo":1,"quantity":1,"reason":"DEFECTIVE",
                 "restock":false}]}""".formatted(sale.get("receiptNumber").asString()));

        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.json().get("lines").get(0).get("refund").asString()).isEqualTo("16.45");
    }

    /** EL-2001 (19.90, 3.45 tax) exempt as line 1, EL-2002 (49.00, 8.50 tax) taxed as line 2. */
    private static final String TWO_LINES = "[{\"sku\":\"EL-2001\",\"quantity\":1},{\"sku\":\"EL-2002\",\"quantity\":1}]";

    private Api.Response sellTwo(String exemption, Map<String, String> headers) {
        return api.post("/api/v1/sales", "clerk", """
                {"drawerId":"D1","lines":%s,"tenders":[{"type":"CASH","amount":"70.00"}],
                 "taxExemption":%s,"approval":%s}""".formatted(TWO_LINES, exemption, APPROVAL), headers);
    }

    @Test
    void chosenLinesSellWithoutTaxWhileTheOthersKeepTheirTaxOnQuoteSaleReceiptAndInvoice() throws Exception {
        String exemption = "{\"reason\":\"EXPORT\",\"document\":\"UA FX 123456\",\"lineNos\":[1]}";
        Api.Response q = api.post("/api/v1/sales/quote", "clerk", """
                {"lines":%s,"taxExemption":%s}""".formatted(TWO_LINES, exemption));
        assertThat(q.status()).as(q.body()).isEqualTo(200);
        assertThat(q.text("total")).isEqualTo("65.45");
        assertThat(q.text("taxTotal")).isEqualTo("8.50");
        assertThat(q.json().get("lines").get(0).get("taxRate").asString()).isEqualTo("0");
        assertThat(q.json().get("lines").get(1).get("taxRate").asString()).isEqualTo("21");
        assertThat(q.json().get("approvalNeeded").get(0).asString()).contains("tax-exempt sale (EXPORT)");

        Api.Response r = sellTwo(exemption, Map.of());
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        JsonNode sale = r.json();
        assertThat(sale.get("total").asString()).isEqualTo("65.45");
        assertThat(sale.get("taxTotal").asString()).isEqualTo("8.50");
        assertThat(sale.get("change").asString()).isEqualTo("4.55");
        JsonNode exempt = sale.get("lines").get(0);
        assertThat(exempt.get("net").asString()).isEqualTo("16.45");
        assertThat(exempt.get("tax").asString()).isEqualTo("0.00");
        assertThat(exempt.get("taxLetter").asString()).isEqualTo("E");
        JsonNode taxed = sale.get("lines").get(1);
        assertThat(taxed.get("net").asString()).isEqualTo("49.00");
        assertThat(taxed.get("tax").asString()).isEqualTo("8.50");
        assertThat(taxed.get("taxLetter").asString()).isEqualTo("A");
        JsonNode taxes = sale.get("taxes");
        assertThat(taxes).hasSize(2);
        assertThat(taxes.get(0).get("letter").asString()).isEqualTo("A");
        assertThat(taxes.get(0).get("net").asString()).isEqualTo("40.50");
        assertThat(taxes.get(0).get("tax").asString()).isEqualTo("8.50");
        assertThat(taxes.get(1).get("letter").asString()).isEqualTo("E");
        assertThat(taxes.get(1).get("gross").asString()).isEqualTo("16.45");
        assertThat(taxes.get(1).get("tax").asString()).isEqualTo("0.00");
        JsonNode e = sale.get("taxExemption");
        assertThat(e.get("reason").asString()).isEqualTo("EXPORT");
        assertThat(e.get("taxNotCharged").asString()).isEqualTo("3.45");
        assertThat(e.get("net").asString()).isEqualTo("16.45");
        assertThat(e.get("lineNos").toString()).isEqualTo("[1]");
        String receipt = sale.get("receiptNumber").asString();
        assertThat(api.get("/api/v1/sales/" + receipt, "clerk").json().get("taxExemption")).isEqualTo(e);

        String payload = jdbc.sql("SELECT payload FROM journal_entry WHERE type = 'SALE_COMPLETED' AND reference = ?")
                .param(receipt).query(String.class).single();
        assertThat(payload).contains("\"reason\":\"EXPORT\"", "\"lineNos\":[1]", "\"net\":\"16.45\"",
                "\"taxNotCharged\":\"3.45\"");

        String text = text(send("GET", "/api/v1/sales/" + receipt + "/receipt?format=pdf", null));
        assertThat(text).contains("PVN 0 %: preču eksports ārpus ES", "Pircēja dokuments / PVN numurs: UAFX123456",
                "PVN netiek piemērots (eksports)", "-3,45", "65,45", "#1");
        assertThat(text.replaceAll("\\s+", " ")).contains("PVN netiek piemērots rindām ar burtu E: #1");
        String invoice = text(send("POST", "/api/v1/sales/" + receipt + "/invoice", """
                {"companyName":"TOV Eksport","vatId":"UA123456789","address":"Kyiv"}"""));
        assertThat(invoice).contains("PVN 0 %: preču eksports ārpus ES", "KOPĀ EUR 65,45");
        assertThat(invoice.replaceAll("\\s+", " ")).contains("PVN netiek piemērots rindām ar burtu E: #1");
    }

    @Test
    void aReturnOfAnExemptLineRefundsItsNetAndOfATaxedLineFromTheSameSaleItsGross() {
        Api.Response sold = sellTwo("{\"reason\":\"DIPLOMATIC\",\"document\":\"D-778899\",\"lineNos\":[1]}", Map.of());
        assertThat(sold.status()).as(sold.body()).isEqualTo(201);
        String receipt = sold.text("receiptNumber");

        Api.Response exempt = api.post("/api/v1/returns", "clerk", """
                {"receiptNumber":"%s","drawerId":"D1","refundMethod":"CASH","lines":[{"lineNo":1,"quantity":1,
                 "reason":"DEFECTIVE","restock":false}]}""".formatted(receipt));
        assertThat(exempt.status()).as(exempt.body()).isEqualTo(201);
        assertThat(exempt.json().get("lines").get(0).get("refund").asString()).isEqualTo("16.45");
        assertThat(exempt.text("refundTotal")).isEqualTo("16.45");
        Api.Response taxed = api.post("/api/v1/returns", "clerk", """
                {"receiptNumber":"%s","drawerId":"D1","refundMethod":"CASH","lines":[{"lineNo":2,"quantity":1,
                 "reason":"DEFECTIVE","restock":false}]}""".formatted(receipt));
        assertThat(taxed.status()).as(taxed.body()).isEqualTo(201);
        assertThat(taxed.json().get("lines").get(0).get("refund").asString()).isEqualTo("49.00");
        assertThat(taxed.text("refundTotal")).isEqualTo("49.00");
        // together exactly what was paid
        assertThat(new java.math.BigDecimal("16.45").add(new java.math.BigDecimal("49.00")))
                .isEqualByComparingTo(sold.text("total"));
    }

    @Test
    void anUnknownOrTwiceNamedLineIsRefusedInTheClerksLanguageAndNothingIsSold() {
        long sales = count("sale");

        Api.Response unknown = sellTwo("{\"reason\":\"EXPORT\",\"document\":\"UA1\",\"lineNos\":[1,3]}",
                Map.of("Accept-Language", "lv"));
        assertThat(unknown.status()).as(unknown.body()).isEqualTo(422);
        assertThat(unknown.text("type")).endsWith("/problems/unknown-exempt-line");
        assertThat(unknown.text("detail")).contains("Pirkumā ir 2 rindas", "rindas 3 nav");
        assertThat(unknown.json().get("lineNos").toString()).isEqualTo("[3]");
        Api.Response quoted = api.post("/api/v1/sales/quote", "clerk", """
                {"lines":%s,"taxExemption":{"reason":"EXPORT","document":"UA1","lineNos":[0]}}""".formatted(TWO_LINES),
                Map.of("Accept-Language", "ru"));
        assertThat(quoted.status()).as(quoted.body()).isEqualTo(422);
        assertThat(quoted.text("detail")).contains("В покупке 2 строк");
        Api.Response twice = sellTwo("{\"reason\":\"EXPORT\",\"document\":\"UA1\",\"lineNos\":[2,1,2]}",
                Map.of("Accept-Language", "cs"));
        assertThat(twice.status()).as(twice.body()).isEqualTo(422);
        assertThat(twice.text("type")).endsWith("/problems/duplicate-exempt-line");
        assertThat(twice.text("detail")).contains("Řádek 2 je pro osvobození od DPH vybrán víckrát");
        Api.Response english = sellTwo("{\"reason\":\"EXPORT\",\"document\":\"UA1\",\"lineNos\":[1,1]}",
                Map.of("Accept-Language", "en"));
        assertThat(english.status()).as(english.body()).isEqualTo(422);
        assertThat(english.text("detail")).contains("Line 1 is chosen more than once");
        assertThat(count("sale")).isEqualTo(sales);
    }

    @Test
    void theDailyReportAddsOnlyTheExemptLinesNetOfAPartlyExemptSale() {
        String date = sellTwoAndDate(null);                          // an ordinary sale: the business date
        java.math.BigDecimal before = exemptNet(date, "DIPLOMATIC");

        sellTwoAndDate("{\"reason\":\"DIPLOMATIC\",\"document\":\"D-4455\",\"lineNos\":[1]}");

        assertThat(exemptNet(date, "DIPLOMATIC").subtract(before)).isEqualByComparingTo("16.45"); // not the 49.00 taxed line
    }

    /** Sells the two lines (exempt as given, or an ordinary sale when null); answers its business date. */
    private String sellTwoAndDate(String exemption) {
        Api.Response r = exemption == null ? api.post("/api/v1/sales", "clerk", """
                {"drawerId":"D1","lines":%s,"tenders":[{"type":"CASH","amount":"70.00"}]}""".formatted(TWO_LINES))
                : sellTwo(exemption, Map.of());
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.text("businessDate");
    }

    private java.math.BigDecimal exemptNet(String date, String reason) {
        Api.Response r = api.get("/api/v1/reports/daily?date=" + date, "manager");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode f = r.json().get("sections").get("taxExempt").get("byReason").get(reason);
        return f == null ? java.math.BigDecimal.ZERO : new java.math.BigDecimal(f.get("net").asString());
    }

    @Test
    void anEmptyLineListExemptsTheWholeSaleAsBefore() {
        Api.Response r = sellTwo("{\"reason\":\"EXPORT\",\"document\":\"UA2\",\"lineNos\":[]}", Map.of());
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.text("total")).isEqualTo("56.95");
        assertThat(r.text("taxTotal")).isEqualTo("0.00");
        assertThat(r.json().get("taxExemption").get("lineNos").toString()).isEqualTo("[1,2]");
        assertThat(r.json().get("taxExemption").get("taxNotCharged").asString()).isEqualTo("11.95");
    }

    private byte[] send(String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("clerk:clerk".getBytes()));
        if (body != null) {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<byte[]> r = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).as(new String(r.body())).isEqualTo(200);
        return r.body();
    }

    private static String text(byte[] pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }
}
