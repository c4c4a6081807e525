package io.storedesk.receipt.layout;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LineBreakerTests {

    @Test
    void breaksBetweenWordsAndKeepsEveryWord() {
        assertThat(LineBreaker.wrap("Šokolādes konfektes ar ļoti garu nosaukumu", 16, String::length))
                .containsExactly("Šokolādes", "konfektes ar", "ļoti garu", "nosaukumu");
    }

    @Test
    void splitsWordsLongerThanALine() {
        assertThat(LineBreaker.wrap("ab 0123456789abc", 5, String::length)).containsExactly("ab", "01234", "56789", "abc");
    }

    @Test
    void textThatFitsIsOneLine() {
        assertThat(LineBreaker.wrap("", 5, String::length)).containsExactly("");
        assertThat(LineBreaker.wrap("Milk", 5, String::length)).containsExactly("Milk");
    }
}
