package io.storedesk.pos.catalog;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class Ean13Tests {

    @Test
    void acceptsValidCodesAndRejectsWrongCheckDigits() {
        assertThat(Ean13.isValid("4006381333931")).isTrue();
        assertThat(Ean13.isValid("4006381333932")).isFalse();
        assertThat(Ean13.isValid("400638133393")).isFalse();
        assertThat(Ean13.isValid("40063813339a1")).isFalse();
        assertThat(Ean13.isValid(null)).isFalse();
        assertThat(Ean13.checkDigit("590123412345")).isEqualTo(7);
    }
}
