package io.storedesk.receipt.text;

import static org.assertj.core.api.Assertions.assertThat;

import io.storedesk.receipt.escpos.CodePage;
import io.storedesk.receipt.escpos.CodePageTable;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class TransliterationProperties {

    private static final String LATIN = "aābcčdeēfgģhiījkķlļmnņoprsštuūvzžAĀČĒĢĶĻŅŠŪŽáčďéěíňóřšťúůýžÁČĎÉĚÍŇÓŘŠŤÚŮÝŽ";
    private static final String CYRILLIC = "абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯіїєґІЇЄҐ";
    private static final String PUNCTUATION = " .,:;-–—“”„«»‘’…€№%0123456789";

    @Property(tries = 300)
    void anyTextInTheStoresScriptsPrintsOnEveryCodePageWithoutQuestionMarks(@ForAll("receiptText") String text) {
        for (CodePage page : CodePageTable.epsonDefaults().pages()) {
            String fitted = Transliterator.fit(text, page::canEncode);

            assertThat(fitted.codePoints()).allMatch(page::canEncode);
            assertThat(fitted).doesNotContain("?").doesNotContain("<U+");
            assertThat(page.decode(page.encode(fitted))).isEqualTo(fitted);
        }
    }

    @Property(tries = 300)
    void charactersThePageHasAreKeptInPlace(@ForAll("receiptText") String text) {
        CodePage cyrillic = CodePage.of("IBM866", 17);

        String fitted = Transliterator.fit(text, cyrillic::canEncode);

        assertThat(fitted.length()).isGreaterThanOrEqualTo(
                (int) text.codePoints().filter(cyrillic::canEncode).count());
        if (text.codePoints().allMatch(cyrillic::canEncode)) {
            assertThat(fitted).isEqualTo(text);
        }
    }

    @Provide
    Arbitrary<String> receiptText() {
        return Arbitraries.strings().withChars(LATIN + CYRILLIC + PUNCTUATION).ofMinLength(0).ofMaxLength(60);
    }
}
