package io.storedesk.receipt.pdf;

import static io.storedesk.receipt.pdf.PdfDocuments.load;
import static io.storedesk.receipt.pdf.PdfDocuments.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Test;

class A4DocumentTests {

    private static final String LATVIAN = "Ķēniņš ēda gaļu un dzēra ūdeni pie Daugavas";
    private static final String CZECH = "Příliš žluťoučký kůň úpěl ďábelské ódy";
    private static final String RUSSIAN = "Съешь же ещё этих мягких французских булок";

    @Test
    void wrapsLatvianCzechAndRussianTextAcrossAPageBreakWithoutLosingAWord() throws IOException {
        String paragraph = String.join(" ", LATVIAN, CZECH, RUSSIAN);
        byte[] pdf;
        try (A4Document document = new A4Document(50, 10, 14)) {
            document.title("Vēstule", "Dopis · Письмо");
            for (int i = 1; i <= 30; i++) {
                document.line(i + ". " + paragraph);
            }
            pdf = document.toPdf("wrapped");
        }

        try (PDDocument document = load(pdf)) {
            assertThat(document.getNumberOfPages()).isGreaterThan(1);
            assertThat(document.getPage(1).getMediaBox().getWidth()).isCloseTo(595.28f, within(0.05f));
            assertThat(document.getPage(1).getMediaBox().getHeight()).isCloseTo(841.89f, within(0.05f));
            String all = new PDFTextStripper().getText(document);
            // each paragraph is longer than a line: it wraps, and read back it is whole again
            String firstLine = all.lines().filter(l -> l.startsWith("1. ")).findFirst().orElseThrow();
            assertThat(firstLine).isNotEqualTo("1. " + paragraph);
            String flat = all.replaceAll("\\s+", " ");
            assertThat(flat).contains("Vēstule", "Dopis · Письмо");
            for (int i = 1; i <= 30; i++) {
                assertThat(flat).contains(i + ". " + paragraph);
            }
            PDFTextStripper second = new PDFTextStripper();
            second.setStartPage(2);
            second.setEndPage(2);
            assertThat(second.getText(document)).contains("30. " + LATVIAN.substring(0, 10));
        }
    }

    @Test
    void tableFiguresEndAtTheSameRightEdge() throws IOException {
        byte[] pdf;
        try (A4Document document = new A4Document(50, 9.5f, 13)) {
            document.heading("Nodokļi – Daně – Налоги");
            document.table(new float[] {0.5f, 0.25f, 0.25f}, List.of(
                    List.of("Likme", "Neto", "Celkem"),
                    List.of("A 21%", "1,00", "1 234,56"),
                    List.of("Ставка Б", "123,45", "7,00")), true);
            document.row("Kopā", "9 999,99");
            pdf = document.toPdf("table");
        }

        assertThat(text(pdf)).contains("Nodokļi – Daně – Налоги", "Likme Neto Celkem", "A 21% 1,00 1 234,56",
                "Ставка Б 123,45 7,00", "Kopā 9 999,99");
        Map<String, Float> ends = rightEdges(pdf, "1 234,56", "7,00", "9 999,99", "1,00", "123,45");
        // the last column's figures end at the right margin, one above the other
        assertThat(ends.get("1 234,56")).isCloseTo(ends.get("7,00"), within(0.5f));
        assertThat(ends.get("1 234,56")).isCloseTo(A4Document.PAGE_WIDTH - 50, within(0.5f));
        assertThat(ends.get("9 999,99")).isCloseTo(A4Document.PAGE_WIDTH - 50, within(0.5f));
        // the middle column right-aligned too, although the figures differ in length
        assertThat(ends.get("1,00")).isCloseTo(ends.get("123,45"), within(0.5f));
    }

    @Test
    void barChartsInkTheirBarsAndPrintLabelsAndValues() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("Skaidra nauda", "40.00");
        values.put("Karta", "10.00");
        byte[] pdf;
        byte[] empty;
        try (A4Document document = new A4Document(50, 9.5f, 13)) {
            document.barChart("Maksājumi", values, v -> v.replace('.', ','), "(nav)");
            pdf = document.toPdf("chart");
        }
        try (A4Document document = new A4Document(50, 9.5f, 13)) {
            document.barChart("Maksājumi", Map.of(), v -> v, "(nav)");
            empty = document.toPdf("chart");
        }

        assertThat(text(pdf)).contains("Maksājumi", "Skaidra nauda", "40,00", "Karta", "10,00");
        assertThat(text(empty)).contains("Maksājumi", "(nav)");
        long inked = PdfDocuments.darkPixels(PdfDocuments.image(pdf, 0, 40));
        long blank = PdfDocuments.darkPixels(PdfDocuments.image(empty, 0, 40));
        assertThat(inked).isGreaterThan(blank + 100);
    }

    /** Where each of the figures ends on the page, from the drawn characters' positions. */
    private static Map<String, Float> rightEdges(byte[] pdf, String... figures) throws IOException {
        List<TextPosition> drawn = new ArrayList<>();
        try (PDDocument document = load(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper() {
                @Override
                protected void writeString(String text, List<TextPosition> positions) throws IOException {
                    drawn.addAll(positions);
                    super.writeString(text, positions);
                }
            };
            stripper.getText(document);
        }
        StringBuilder chars = new StringBuilder();
        List<TextPosition> byChar = new ArrayList<>();
        for (TextPosition p : drawn) {
            for (int i = 0; i < p.getUnicode().length(); i++) {
                chars.append(p.getUnicode().charAt(i));
                byChar.add(p);
            }
        }
        Map<String, Float> ends = new LinkedHashMap<>();
        for (String figure : figures) {
            int at = chars.indexOf(figure);
            assertThat(at).as(figure + " in " + chars).isNotNegative();
            TextPosition last = byChar.get(at + figure.length() - 1);
            ends.put(figure, last.getXDirAdj() + last.getWidthDirAdj());
        }
        return ends;
    }
}
