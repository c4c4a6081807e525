package io.storedesk.receipt.pdf;

import static io.storedesk.receipt.pdf.PdfDocuments.darkPixels;
import static io.storedesk.receipt.pdf.PdfDocuments.image;
import static io.storedesk.receipt.pdf.PdfDocuments.load;
import static io.storedesk.receipt.pdf.PdfDocuments.scan;
import static io.storedesk.receipt.pdf.PdfDocuments.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.storedesk.receipt.PaperWidth;
import io.storedesk.receipt.Receipt;
import io.storedesk.receipt.SampleReceipts;
import java.awt.image.BufferedImage;
import java.util.Locale;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.junit.jupiter.api.Test;

class PdfReceiptRendererTests {

    private final PdfReceiptRenderer renderer = new PdfReceiptRenderer(PaperWidth.MM_80);

    @Test
    void printsLatvianLinesTotalsAndTaxTableWithTheirDiacritics() {
        String text = text(renderer.render(SampleReceipts.latvianSale().build()));

        assertThat(text).contains("Veikals Rīga Centrs", "Brīvības iela 42, Rīga, LV-1011",
                "PVN reģ. Nr. LV40003012345", "Čeka Nr. 0001-000123", "Datums 23.11.2026 14:05",
                "Piens 2,5% ķēģļņšūž", "2 x 1,29 2,38 A", "Atlaide -0,20", "Rupjmaize āčē 2,15 B",
                "Akcija: 3 par 2 -0,50", "Starpsumma 9,52", "KOPĀ EUR 9,02", "Noapaļošana -0,02",
                "Karte 411111******1111", "Samaksāts 9,00", "Likme Bez PVN PVN Ar PVN", "A 21% 5,50 1,16 6,66",
                "B 12% 2,55 0,31 2,86", "Punktu atlikums 1\u00A0234", "Preces var atgriezt 14 dienu laikā ar čeku.");
    }

    @Test
    void wrapsLongItemNamesToThePaperWidth() {
        String text = text(renderer.render(SampleReceipts.latvianSale().build()));

        assertThat(text).contains("Šokolādes konfektes ar ļoti garu nosaukumu, kas 4,99 A\nneietilpst vienā rindā");
    }

    @Test
    void printsCzechAndCyrillicTextExactly() {
        String czech = text(renderer.render(SampleReceipts.czechSale().build()));
        String russian = text(renderer.render(SampleReceipts.russianSale().build()));

        assertThat(czech).contains("Náměstí Svobody 1", "Řeřicha ěščřžýáíé 24,90 A", "Čaj ůžasný",
                "CELKEM CZK 141,90", "Zaokrouhlení 0,10", "Vráceno 58,00", "Zboží lze vrátit do 30 dnů.");
        assertThat(russian).contains("Магазин Рига", "Молоко пастеризованное 1,29 A", "Хлеб ржаной",
                "ИТОГ EUR 3,49", "Ставка Без НДС НДС С НДС", "Спасибо за покупку!");
    }

    @Test
    void pageIsEightyMillimetresWideAndNotBlank() {
        byte[] pdf = renderer.render(SampleReceipts.latvianSale().build());

        try (PDDocument document = load(pdf)) {
            PDRectangle page = document.getPage(0).getMediaBox();
            assertThat(document.getNumberOfPages()).isEqualTo(1);
            assertThat(page.getWidth()).isCloseTo(226.77f, within(0.01f));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        BufferedImage image = image(pdf, 0, 100);
        assertThat(darkPixels(image)).isGreaterThan(image.getWidth() * image.getHeight() / 50L);
    }

    @Test
    void fiftyEightMillimetreRollIsNarrower() {
        byte[] pdf = new PdfReceiptRenderer(PaperWidth.MM_58).render(SampleReceipts.czechSale().build());

        try (PDDocument document = load(pdf)) {
            assertThat(document.getPage(0).getMediaBox().getWidth()).isCloseTo(164.41f, within(0.01f));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertThat(text(pdf)).contains("CELKEM CZK", "141,90");
    }

    @Test
    void pageHeightFollowsTheContent() {
        float short_ = height(renderer.render(SampleReceipts.latvianSaleWithLines(3)));
        float long_ = height(renderer.render(SampleReceipts.latvianSaleWithLines(40)));

        assertThat(long_).isGreaterThan(short_ + 37 * 8);
    }

    @Test
    void giftReceiptShowsItemsButNoPricesTotalsOrTenders() {
        String text = text(renderer.render(SampleReceipts.russianSale().gift(true).build()));

        assertThat(text).contains("ПОДАРОЧНЫЙ ЧЕК", "Молоко пастеризованное", "Кол-во 2", "0001-000123");
        assertThat(text).doesNotContain("1,29", "1,10", "2,20", "3,49", "ИТОГ", "Mastercard", "Ставка");
    }

    @Test
    void reprintCarriesCopyBanner() {
        Receipt copy = SampleReceipts.latvianSale().locale(Locale.UK).copy(true).build();

        assertThat(text(renderer.render(copy))).startsWith("*** COPY ***").contains("TOTAL EUR 9.02");
        assertThat(text(renderer.render(SampleReceipts.latvianSale().locale(Locale.UK).build())))
                .doesNotContain("COPY");
    }

    @Test
    void barcodeAndQrCodeScanBackToTheirPayloads() throws Exception {
        byte[] pdf = renderer.render(SampleReceipts.latvianSale().qr("https://example.invalid/r/0001-000123").build());
        BufferedImage page = image(pdf, 0, 200);
        int qrTop = page.getHeight() - page.getWidth() * 45 / 100;
        BufferedImage qr = page.getSubimage(0, qrTop, page.getWidth(), page.getHeight() - qrTop);
        BufferedImage barcode = page.getSubimage(0, qrTop - page.getWidth() / 4, page.getWidth(), page.getWidth() / 4);

        assertThat(scan(qr)).isEqualTo("https://example.invalid/r/0001-000123");
        assertThat(scan(barcode)).isEqualTo("0001-000123");
    }

    @Test
    void charactersTheFontLacksAreTransliteratedNotDropped() {
        Receipt receipt = SampleReceipts.latvianSale().row("Note", "“Ω” ✓").build();

        assertThat(text(renderer.render(receipt))).contains("Note “<U+03A9>” <U+2713>");
    }

    @Test
    void reportsPrintTheirRowsUnderADocumentNumber() {
        Receipt z = Receipt.builder()
                .store(new io.storedesk.receipt.StoreHeader("Veikals Rīga Centrs", java.util.List.of("Brīvības iela 101"),
                        "LV40003000001"))
                .issuedAt(java.time.ZonedDateTime.parse("2026-11-23T21:00:00+02:00[Europe/Riga]"))
                .number("Z7")
                .kind(io.storedesk.receipt.DocumentKind.Z_REPORT)
                .currency(java.util.Currency.getInstance("EUR"))
                .locale(SampleReceipts.LATVIAN)
                .row("Neto pārdošana", "1 234,56")
                .row("Skaidra nauda", "800,00")
                .build();

        String text = text(renderer.render(z));

        assertThat(text).contains("Z atskaite", "Dokumenta Nr. Z7", "Neto pārdošana 1 234,56", "Skaidra nauda 800,00")
                .doesNotContain("Čeka Nr.");
    }

    private static float height(byte[] pdf) {
        try (PDDocument document = load(pdf)) {
            return document.getPage(0).getMediaBox().getHeight();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
