package io.storedesk.receipt.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.IntPredicate;
import org.junit.jupiter.api.Test;

class TransliteratorTests {

    private static final IntPredicate ASCII = cp -> cp >= 0x20 && cp < 0x7F;

    @Test
    void keepsTextTheRepertoireCanPrintAsTheSameInstance() {
        String text = "Milk 1.29 A";

        assertThat(Transliterator.fit(text, ASCII)).isSameAs(text);
    }

    @Test
    void romanisesCyrillic() {
        assertThat(Transliterator.fit("Щука, Жёлтый чай, Хлеб ржаной, Юрий", ASCII))
                .isEqualTo("Shchuka, Zhyoltyy chay, Khleb rzhanoy, Yuriy");
    }

    @Test
    void stripsAccentsTheRepertoireLacks() {
        assertThat(Transliterator.fit("Řeřicha ůžasná, ģērbtuve, Łódź, Straße", ASCII))
                .isEqualTo("Rericha uzasna, gerbtuve, Lodz, Strasse");
    }

    @Test
    void replacesTypographicPunctuationAndSpaces() {
        assertThat(Transliterator.fit("“Quote” – ‘x’ … 1\u00A0234\u202F5 € № 7 ½", ASCII))
                .isEqualTo("\"Quote\" - 'x' ... 1 234 5 EUR No 7 1/2");
    }

    @Test
    void neverPrintsControlCharacters() {
        assertThat(Transliterator.fit("a\u001B@b\tc\u00ADd", ASCII)).isEqualTo("a @b cd");
    }

    @Test
    void marksWhatNothingCanPrintVisibly() {
        assertThat(Transliterator.fit("Tea 茶", ASCII)).isEqualTo("Tea <U+8336>");
    }
}
