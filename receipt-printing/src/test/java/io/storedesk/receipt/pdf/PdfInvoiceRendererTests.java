package io.storedesk.receipt.pdf;

import static io.storedesk.receipt.pdf.PdfDocuments.load;
import static io.storedesk.receipt.pdf.PdfDocuments.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import io.storedesk.receipt.BusinessCustomer;
import io.storedesk.receipt.SampleReceipts;
import java.io.IOException;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class PdfInvoiceRendererTests {

    private final PdfInvoiceRenderer renderer = new PdfInvoiceRenderer();
    private final BusinessCustomer buyer =
            new BusinessCustomer("SIA Kokmateriāli", "LV40103999999", List.of("Rūpniecības iela 5, Jelgava"));

    @Test
    void showsTheBuyersCompanyAndVatIdWithLinesAndTaxTable() {
        String text = text(renderer.render(SampleReceipts.latvianSale().customer(buyer).build()));

        assertThat(text).contains("RĒĶINS", "Rēķina Nr. 0001-000123", "Pircējs", "SIA Kokmateriāli",
                "PVN reģ. Nr. LV40103999999", "Rūpniecības iela 5, Jelgava",
                "Piens 2,5% ķēģļņšūž 2 1,29 -0,20 2,38 A", "KOPĀ EUR 9,02", "A 21% 5,50 1,16 6,66", "Lapa 1/1");
    }

    @Test
    void linesWithTheirOwnTaxShowNetVatAndGrossPerLine() {
        var receipt = SampleReceipts.latvianSale().customer(buyer).build();
        var taxed = new java.util.ArrayList<io.storedesk.receipt.ReceiptLine>();
        for (var l : receipt.lines()) {
            java.math.BigDecimal tax = l.amount().multiply(new java.math.BigDecimal("21"))
                    .divide(new java.math.BigDecimal("121"), 2, java.math.RoundingMode.HALF_UP);
            taxed.add(new io.storedesk.receipt.ReceiptLine(l.name(), l.quantity(), l.unitPrice(), l.discount(),
                    l.amount(), l.taxLetter(), tax));
        }
        var b = io.storedesk.receipt.Receipt.builder().store(receipt.store()).issuedAt(receipt.issuedAt())
                .number(receipt.number()).currency(receipt.currency()).locale(receipt.locale()).customer(buyer)
                .totals(receipt.totals());
        taxed.forEach(b::line);
        String text = text(renderer.render(b.build()));

        assertThat(text).contains("Nosaukums Daudz. Cena Atlaide Bez PVN PVN Ar PVN Likme",
                "Piens 2,5% ķēģļņšūž 2 1,29 -0,20 1,97 0,41 2,38 A");
    }

    @Test
    void isA4() throws IOException {
        try (PDDocument document = load(renderer.render(SampleReceipts.czechSale().customer(buyer).build()))) {
            assertThat(document.getPage(0).getMediaBox().getWidth()).isCloseTo(595.28f, within(0.05f));
            assertThat(document.getPage(0).getMediaBox().getHeight()).isCloseTo(841.89f, within(0.05f));
        }
    }

    @Test
    void longInvoicesContinueOnNumberedPagesWithTheTableHeaderRepeated() throws IOException {
        try (PDDocument document = load(renderer.render(SampleReceipts.latvianSaleWithLines(120)))) {
            int pages = document.getNumberOfPages();
            assertThat(pages).isGreaterThan(1);
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setStartPage(pages);
            stripper.setEndPage(pages);
            assertThat(stripper.getText(document)).contains("Nosaukums Daudz. Cena Atlaide Summa Likme",
                    "Lapa " + pages + "/" + pages, "Prece Nr. 120");
        }
    }

    @Test
    void refusesGiftReceipts() {
        assertThatIllegalArgumentException().isThrownBy(() -> renderer.render(SampleReceipts.czechSale().gift(true).build()));
    }
}
