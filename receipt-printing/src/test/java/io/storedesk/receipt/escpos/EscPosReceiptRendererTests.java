package io.storedesk.receipt.escpos;

import static org.assertj.core.api.Assertions.assertThat;

import io.storedesk.receipt.PaperWidth;
import io.storedesk.receipt.Receipt;
import io.storedesk.receipt.SampleReceipts;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class EscPosReceiptRendererTests {

    private final EscPosReceiptRenderer renderer = new EscPosReceiptRenderer(PaperWidth.MM_80);

    @Test
    void latvianReceiptIsPrintedInBalticCodePage() {
        EscPosParser printed = print(SampleReceipts.latvianSale().build(), "Cp1257");

        assertThat(printed.commandTexts()).startsWith("ESC @", "ESC t 51");
        assertThat(printed.lines).contains("Piens 2,5% ķēģļņšūž", "nosaukumu, kas neietilpst vienā", "rindā");
        assertThat(printed.lines).anyMatch(line -> line.startsWith("Noapaļošana") && line.endsWith("-0,02"));
    }

    @Test
    void czechReceiptIsPrintedInLatin2CodePage() {
        EscPosParser printed = print(SampleReceipts.czechSale().build(), "IBM852");

        assertThat(printed.commandTexts()).startsWith("ESC @", "ESC t 18");
        assertThat(printed.lines).anyMatch(line -> line.startsWith("Řeřicha ěščřžýáíé") && line.endsWith("24,90 A"));
        assertThat(printed.lines).contains("Čaj ůžasný", "Zboží lze vrátit do 30 dnů.");
    }

    @Test
    void russianReceiptIsPrintedInCyrillicCodePage() {
        EscPosParser printed = print(SampleReceipts.russianSale().build(), "IBM866");

        assertThat(printed.commandTexts()).startsWith("ESC @", "ESC t 17");
        assertThat(printed.lines).anyMatch(line -> line.startsWith("Молоко пастеризованное") && line.endsWith("1,29 A"));
        assertThat(printed.lines).contains("Спасибо за покупку!");
    }

    @Test
    void charactersTheChosenPageLacksAreTransliterated() {
        Receipt latvian = SampleReceipts.latvianSale()
                .line("Молоко Řeřicha", BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ZERO, BigDecimal.ONE, "A")
                .build();
        Receipt russian = SampleReceipts.russianSale()
                .line("Сок “Вишня” – 1 l, ž", BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ZERO, BigDecimal.ONE, "A")
                .build();

        EscPosParser balticPage = print(latvian, "Cp1257");
        EscPosParser cyrillicPage = print(russian, "IBM866");

        assertThat(balticPage.codePage).isEqualTo(51);
        assertThat(balticPage.lines).anyMatch(line -> line.startsWith("Moloko Rericha "));
        assertThat(cyrillicPage.codePage).isEqualTo(17);
        assertThat(cyrillicPage.lines).anyMatch(line -> line.startsWith("Сок \"Вишня\" - 1 l, z "));
        assertThat(String.join("\n", balticPage.lines) + String.join("\n", cyrillicPage.lines)).doesNotContain("?");
    }

    @Test
    void amountsAreRightAlignedInFortyTwoColumns() {
        EscPosParser printed = print(SampleReceipts.latvianSale().build(), "Cp1257");

        assertThat(printed.lines).contains(
                "Starpsumma" + " ".repeat(28) + "9,52",
                "A 21%" + " ".repeat(13) + "5,50" + " ".repeat(6) + "1,16" + " ".repeat(6) + "6,66");
        assertThat(printed.lines).allMatch(line -> line.length() <= 42);
    }

    @Test
    void fiftyEightMillimetreRollHasThirtyTwoColumns() {
        byte[] bytes = new EscPosReceiptRenderer(PaperWidth.MM_58).render(SampleReceipts.latvianSale().build());
        EscPosParser printed = EscPosParser.parse(bytes, Charset.forName("Cp1257"));

        assertThat(printed.lines).contains("Starpsumma" + " ".repeat(18) + "9,52");
        assertThat(printed.lines).allMatch(line -> line.length() <= 32);
    }

    @Test
    void printsTotalInDoubleSizeBoldAndEndsWithBarcodeFeedAndCut() {
        EscPosParser printed = print(SampleReceipts.latvianSale().qr("https://example.invalid/r/1").build(), "Cp1257");

        assertThat(printed.commandTexts()).containsSubsequence("ESC E 1", "GS ! 17", "GS ! 0", "ESC E 0");
        assertThat(printed.lines).contains("KOPĀ EUR" + " ".repeat(9) + "9,02");
        assertThat(printed.commandTexts()).containsSubsequence("ESC a 1", "GS k 73 {B0001-000123",
                "GS ( k 80 48 https://example.invalid/r/1", "GS ( k 81 48 ");
        assertThat(printed.commandTexts()).endsWith("GS V 66 3");
        assertThat(printed.commandTexts()).noneMatch(command -> command.startsWith("ESC p"));
    }

    @Test
    void giftReceiptHasNoPricesAndCopyHasBanner() {
        EscPosParser gift = print(SampleReceipts.russianSale().gift(true).build(), "IBM866");
        EscPosParser copy = print(SampleReceipts.czechSale().locale(Locale.UK).copy(true).build(), "IBM852");

        String giftText = String.join("\n", gift.lines);
        assertThat(giftText).contains("ПОДАРОЧНЫЙ ЧЕК", "Хлеб ржаной").doesNotContain("1,29", "3,49", "ИТОГ");
        assertThat(copy.lines).first().isEqualTo("*** COPY ***");
        assertThat(copy.lines).contains("*** COPY ***", "Řeřicha ěščřžýáíé" + " ".repeat(18) + "24.90 A");
    }

    @Test
    void codePageNumbersCanBeChangedForOtherPrinterModels() {
        CodePageTable table = CodePageTable.epsonDefaults().withNumber("IBM866", 59);
        byte[] bytes = new EscPosReceiptRenderer(PaperWidth.MM_80, table).render(SampleReceipts.russianSale().build());

        assertThat(EscPosParser.parse(bytes, Charset.forName("IBM866")).commandTexts()).contains("ESC t 59");
    }

    @Test
    void drawerKickIsASeparatePulseCommand() {
        assertThat(EscPosCommands.drawerKick()).containsExactly(0x1B, 0x70, 0x00, 0x19, 0xFA);
    }

    @Test
    void plainAsciiTextUsesTheLanguagesPage() {
        CodePageTable table = CodePageTable.epsonDefaults();

        assertThat(table.choose("Milk 1.29", Locale.forLanguageTag("cs-CZ")).escPosNumber()).isEqualTo(18);
        assertThat(table.choose("Milk 1.29", Locale.forLanguageTag("lt-LT")).escPosNumber()).isEqualTo(51);
        assertThat(table.choose("Milk 1.29", Locale.forLanguageTag("ru-RU")).escPosNumber()).isEqualTo(17);
        assertThat(table.choose("Milk 1.29", Locale.GERMANY).escPosNumber()).isEqualTo(51);
        assertThat(table.choose("Grüße, Müller", Locale.forLanguageTag("ru-RU")).charsetName()).isEqualTo("Cp1257");
    }

    private EscPosParser print(Receipt receipt, String expectedCharset) {
        return EscPosParser.parse(renderer.render(receipt), Charset.forName(expectedCharset));
    }
}
