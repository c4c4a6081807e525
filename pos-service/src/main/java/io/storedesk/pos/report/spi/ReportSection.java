package io.storedesk.pos.report.spi;

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
 * and a {@code .} decimal separator ("12.30"), dates ISO-8601, so that CSV stays machine-readable.
 */
public interface ReportSection {

    /** Stable key: the section's field under {@code sections} in JSON and its CSV section name, e.g. {@code promotions}. */
    String name();

    /** Heading of the section in the PDF, e.g. "Promotions". */
    String title();

    Content contribute(LocalDate from, LocalDate to);

    /**
     * One section's figures.
     *
     * @param data    the JSON form: strings, numbers, booleans, lists and maps of them
     * @param rows    the CSV form: one row per figure, written as {@code section,key,field,value}
     * @param lines   the PDF form: one printed line per entry (the report adds the heading)
     */
    record Content(Map<String, Object> data, List<Row> rows, List<String> lines) {
    }

    /** A figure in CSV: e.g. key {@code SPRING10}, field {@code redemptions}, value {@code 12}. */
    record Row(String key, String field, String value) {
    }
}
