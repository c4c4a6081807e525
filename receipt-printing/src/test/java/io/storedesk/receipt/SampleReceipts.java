package io.storedesk.receipt;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Currency;
import java.util.List;
import java.util.Locale;

/** Receipts used by the tests and the benchmark, in the stores' three scripts. */
public final class SampleReceipts {

    public static final Locale LATVIAN = Locale.forLanguageTag("lv-LV");
    public static final Locale CZECH = Locale.forLanguageTag("cs-CZ");
    public static final Locale RUSSIAN = Locale.forLanguageTag("ru-RU");

    private SampleReceipts() {
    }

    /** A Latvian cash and card sale with a discount, a promotion, two tax rates and loyalty points. */
    public static ReceiptBuilder latvianSale() {
        return base(LATVIAN, "EUR", "Veikals Rīga Centrs", "Brīvības iela 42, Rīga, LV-1011", "LV40003012345")
                .line("Piens 2,5% ķēģļņšūž", new BigDecimal("2"), new BigDecimal("1.29"), new BigDecimal("0.20"),
                        new BigDecimal("2.38"), "A")
                .line("Rupjmaize āčē", BigDecimal.ONE, new BigDecimal("2.15"), BigDecimal.ZERO,
                        new BigDecimal("2.15"), "B")
                .line("Šokolādes konfektes ar ļoti garu nosaukumu, kas neietilpst vienā rindā", BigDecimal.ONE,
                        new BigDecimal("4.99"), BigDecimal.ZERO, new BigDecimal("4.99"), "A")
                .promotion("Akcija: 3 par 2", new BigDecimal("-0.50"))
                .totals(new Totals(new BigDecimal("9.52"), new BigDecimal("-0.70"), new BigDecimal("9.02"),
                        new BigDecimal("-0.02"), new BigDecimal("9.00")))
                .tender(new Tender("Visa", new BigDecimal("5.00"), "411111******1111", "A1B2C3"))
                .tender(Tender.of("Skaidra nauda", new BigDecimal("4.00")))
                .change(new BigDecimal("0.00"))
                .tax(new TaxRow("A", new BigDecimal("21"), new BigDecimal("5.50"), new BigDecimal("1.16"),
                        new BigDecimal("6.66")))
                .tax(new TaxRow("B", new BigDecimal("12"), new BigDecimal("2.55"), new BigDecimal("0.31"),
                        new BigDecimal("2.86")))
                .loyalty(new LoyaltyPoints(9, 1234))
                .footer("Preces var atgriezt 14 dienu laikā ar čeku.", "Paldies par pirkumu!");
    }

    /** A Czech cash sale in CZK with cash rounding to whole crowns. */
    public static ReceiptBuilder czechSale() {
        return base(CZECH, "CZK", "Prodejna Brno", "Náměstí Svobody 1, 602 00 Brno", "CZ12345678")
                .line("Řeřicha ěščřžýáíé", BigDecimal.ONE, new BigDecimal("24.90"), BigDecimal.ZERO,
                        new BigDecimal("24.90"), "A")
                .line("Čaj ůžasný", new BigDecimal("3"), new BigDecimal("39.00"), BigDecimal.ZERO,
                        new BigDecimal("117.00"), "A")
                .totals(new Totals(new BigDecimal("141.90"), BigDecimal.ZERO, new BigDecimal("141.90"),
                        new BigDecimal("0.10"), new BigDecimal("142.00")))
                .tender(Tender.of("Hotovost", new BigDecimal("200.00")))
                .change(new BigDecimal("58.00"))
                .tax(new TaxRow("A", new BigDecimal("21"), new BigDecimal("117.27"), new BigDecimal("24.63"),
                        new BigDecimal("141.90")))
                .footer("Zboží lze vrátit do 30 dnů.");
    }

    /** A Russian-language sale in a Latvian store (EUR). */
    public static ReceiptBuilder russianSale() {
        return base(RUSSIAN, "EUR", "Магазин Рига", "ул. Бривибас 42, Рига", "LV40003012345")
                .line("Молоко пастеризованное", BigDecimal.ONE, new BigDecimal("1.29"), BigDecimal.ZERO,
                        new BigDecimal("1.29"), "A")
                .line("Хлеб ржаной", new BigDecimal("2"), new BigDecimal("1.10"), BigDecimal.ZERO,
                        new BigDecimal("2.20"), "A")
                .totals(new Totals(new BigDecimal("3.49"), BigDecimal.ZERO, new BigDecimal("3.49"), BigDecimal.ZERO,
                        new BigDecimal("3.49")))
                .tender(new Tender("Mastercard", new BigDecimal("3.49"), "550000******0004", "654321"))
                .tax(new TaxRow("A", new BigDecimal("21"), new BigDecimal("2.88"), new BigDecimal("0.61"),
                        new BigDecimal("3.49")))
                .footer("Спасибо за покупку!");
    }

    /** The benchmark's receipt: a Latvian sale with {@code lineCount} item lines. */
    public static Receipt latvianSaleWithLines(int lineCount) {
        ReceiptBuilder builder = base(LATVIAN, "EUR", "Veikals Rīga Centrs", "Brīvības iela 42, Rīga, LV-1011",
                "LV40003012345");
        BigDecimal total = BigDecimal.ZERO;
        for (int i = 1; i <= lineCount; i++) {
            BigDecimal price = new BigDecimal(i * 37 % 900 + 99).movePointLeft(2);
            BigDecimal quantity = BigDecimal.valueOf(i % 3 + 1L);
            BigDecimal amount = price.multiply(quantity);
            total = total.add(amount);
            builder.line("Prece Nr. " + i + " ķēģļņšūž " + (i % 4 == 0 ? "ar garu nosaukumu, kas jāaplauž" : ""),
                    quantity, price, BigDecimal.ZERO, amount, i % 2 == 0 ? "A" : "B");
        }
        return builder.totals(new Totals(total, BigDecimal.ZERO, total, BigDecimal.ZERO, total))
                .tender(new Tender("Visa", total, "411111******1111", "A1B2C3"))
                .tax(new TaxRow("A", new BigDecimal("21"), new BigDecimal("10.00"), new BigDecimal("2.10"),
                        new BigDecimal("12.10")))
                .tax(new TaxRow("B", new BigDecimal("12"), new BigDecimal("10.00"), new BigDecimal("1.20"),
                        new BigDecimal("11.20")))
                .loyalty(new LoyaltyPoints(42, 1234))
                .footer("Preces var atgriezt 14 dienu laikā ar čeku.")
                .qr("https://example.invalid/r/0001-000123")
                .build();
    }

    private static ReceiptBuilder base(Locale locale, String currency, String store, String address, String vat) {
        return Receipt.builder()
                .store(new StoreHeader(store, List.of(address), vat))
                .register("R01")
                .clerk("Anna")
                .issuedAt(ZonedDateTime.of(2026, 11, 23, 14, 5, 0, 0, ZoneId.of("Europe/Riga")))
                .number("0001-000123")
                .currency(Currency.getInstance(currency))
                .locale(locale);
    }
}
