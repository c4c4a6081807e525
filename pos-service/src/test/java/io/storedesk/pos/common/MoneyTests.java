package io.storedesk.pos.common;

import java.math.BigDecimal;
import java.util.Currency;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MoneyTests {

    private static final Currency EUR = Currency.getInstance("EUR");
    private static final Currency CZK = Currency.getInstance("CZK");

    @Test
    void keepsTheCurrencyScaleAndRefusesHiddenRounding() {
        assertThat(Money.of("12.3", EUR).toString()).isEqualTo("12.30");
        assertThat(Money.of("12.30", EUR).minorUnits()).isEqualTo(1230);
        assertThatThrownBy(() -> Money.of("12.301", EUR)).isInstanceOf(IllegalArgumentException.class);
        assertThat(Money.rounded(new BigDecimal("0.405"), EUR).toString()).isEqualTo("0.41");
    }

    @Test
    void refusesToMixCurrencies() {
        assertThatThrownBy(() -> Money.of("1", EUR).plus(Money.of("1", CZK))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void czechCashRoundsToWholeCrowns() {
        CashRounding crowns = new CashRounding(BigDecimal.ONE);
        assertThat(crowns.round(Money.of("129.49", CZK)).toString()).isEqualTo("129.00");
        assertThat(crowns.round(Money.of("129.50", CZK)).toString()).isEqualTo("130.00");
        assertThat(CashRounding.NONE.round(Money.of("129.49", CZK)).toString()).isEqualTo("129.49");
    }
}
