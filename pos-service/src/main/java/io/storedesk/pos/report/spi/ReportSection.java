package io.storedesk.pos.report.spi;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A section of the store report contributed by another module: a Spring bean implementing this
 * interface is picked up by every daily and range report, in {@link org.springframework.core.Ordered}
 * / {@code @Order} order. The report module never computes these figures itself.
 *
 * <p>Contract: {@link #contribute} reads only (it runs inside the report's read-only
 * transaction), covers the business days {@code from}..{@code to} (both included) and gives
 * the same figures in its three forms. Amounts are strings with the currency's minor digits
 * and a {@code .} decimal separator ("12.30"), dates ISO-8601, so that CSV and JSON stay machine-readable;
 * only the PDF lines are worded for people, in the report's language.
 */
public interface ReportSection {

    /** Stable key: the section's field under {@code sections} in JSON and its CSV section name, e.g. {@code promotions}. */
    String name();

    /** Heading of the section in the PDF in the report's language, e.g. {@code words.text("promotions.title")}. */
    String title(Words words);

    /** The figures of the business days {@code from}..{@code to}; the PDF lines worded with {@code words}. */
    Content contribute(LocalDate from, LocalDate to, Words words);

    /**
     * The report's language and formats (the store's, {@code pos.store.locale}), given by the report
     * module so that a section words its PDF lines as the rest of the report: captions from the
     * printed documents' bundles ({@code printing/captions*.properties}, keys {@code report.<key>},
     * e.g. {@code report.promotions.title}), amounts as the receipts print them, dates in the
     * store's short style.
     */
    interface Words {

        /** The caption {@code report.<key>} with its arguments ({@code MessageFormat}); the key itself when missing. */
        String text(String key, Object... args);

        /** A stored amount ("12.30") as the receipts print it ("12,30" in Latvian); null as "-". */
        String money(String amount);

        /** A ratio ("0.2383") as a percentage with one decimal ("23,8%"); null as "-". */
        String percent(String ratio);

        String date(LocalDate date);

        /** Hours and minutes ("2 h 05 min" as the language writes it); null as "-". */
        String duration(Duration duration);

        /** A user by the label managers know ("Anna Bērziņa (clerk)"). */
        String user(String name);

        /** The name the messages give a code ({@code <prefix>.<code>}, e.g. {@code discount.reason.DAMAGED}); the code itself when none. */
        String term(String prefix, String code);
    }

    /**
     * One section's figures.
     *
     * @param data    the JSON form: strings, numbers, booleans, lists and maps of them
     * @param rows    the CSV form: one row per figure, written as {@code section,key,field,value}
     * @param lines   the PDF form: one printed line per entry, worded with {@link Words} (the report adds the heading)
     */
    record Content(Map<String, Object> data, List<Row> rows, List<String> lines) {
    }

    /** A figure in CSV: e.g. key {@code SPRING10}, field {@code redemptions}, value {@code 12}. */
    record Row(String key, String field, String value) {

        /**
         * The CSV rows of a group of figures as the JSON form holds them ({@code field -> value}, in their order), all
         * under {@code key}; a null figure (e.g. a rate without sales) as an empty value.
         */
        public static List<Row> of(String key, Map<String, ?> figures) {
            List<Row> rows = new java.util.ArrayList<>();
            figures.forEach((field, value) -> rows.add(new Row(key, field, value == null ? "" : value.toString())));
            return rows;
        }
    }
}
