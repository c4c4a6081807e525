package io.storedesk.receipt.layout;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.NumberFormat;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReceiptFormatTests {

    @ParameterizedTest
    @CsvSource({"lv-LV", "cs-CZ", "ru-RU", "en-GB", "de-DE", "fr-FR", "sv-SE", "ar-EG"})
    void formatsAmountsExactlyAsTheLocalesDecimalFormat(String tag) {
        Locale locale = Locale.forLanguageTag(tag);
        ReceiptFormat format = ReceiptFormat.of(locale);

        for (String amount : new String[] {"0.00", "9.02", "-0.70", "1234.50", "-1234567.89", "100", "0.005"}) {
            BigDecimal value = new BigDecimal(amount);
            assertThat(format.money(value)).as(tag + " " + amount).isEqualTo(decimalFormat(locale, value));
        }
    }

    @ParameterizedTest
    @CsvSource({"2, 2", "0.750, '0,75'", "21.00, '21'", "1E+1, '10'"})
    void quantitiesDropTrailingZeros(String quantity, String printed) {
        assertThat(ReceiptFormat.of(Locale.forLanguageTag("lv-LV")).quantity(new BigDecimal(quantity)))
                .isEqualTo(printed);
    }

    private static String decimalFormat(Locale locale, BigDecimal value) {
        DecimalFormat format = (DecimalFormat) NumberFormat.getNumberInstance(locale);
        format.setMinimumFractionDigits(value.scale());
        format.setMaximumFractionDigits(value.scale());
        return format.format(value);
    }
}
