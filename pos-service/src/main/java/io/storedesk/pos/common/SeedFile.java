package io.storedesk.pos.common;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The seed files under {@code config/seed} (items, loyalty accounts): UTF-8, {@code ;}-separated
 * with a header line, {@code #} comment lines and blank lines skipped, fields trimmed, a field with
 * a {@code ;} or a quote in double quotes (RFC 4180 quoting, read by Commons CSV). A bad row stops
 * the start with the file, its line number and what is wrong.
 */
public final class SeedFile {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setDelimiter(';')
            .setCommentMarker('#')
            .setIgnoreEmptyLines(true)
            .setIgnoreSurroundingSpaces(true)
            .setHeader()
            .setSkipHeaderRecord(true)
            .setAllowMissingColumnNames(false)
            .get();

    /** One row of a seed file: its fields by position, blank ones as null. */
    public record Row(List<String> fields) {

        public int size() {
            return fields.size();
        }

        /** The field at {@code index}, trimmed; null when blank or absent. */
        public String optional(int index) {
            if (index >= fields.size()) {
                return null;
            }
            String v = fields.get(index);
            return v == null || v.isBlank() ? null : v.strip();
        }

        /** The field at {@code index}, trimmed; blank is refused with the column's name. */
        public String required(int index, String name) {
            String v = optional(index);
            if (v == null) {
                throw new IllegalArgumentException(name + " is empty");
            }
            return v;
        }
    }

    private SeedFile() {
    }

    /**
     * Reads every row of {@code file} into {@code T}; a row with fewer than {@code minFields} or
     * more than {@code maxFields} fields, or that {@code map} refuses, fails with its line number.
     */
    public static <T> List<T> read(Path file, String what, int minFields, int maxFields, Function<Row, T> map) {
        List<T> rows = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                CSVParser parser = FORMAT.parse(in)) {
            for (CSVRecord record : parser) {
                long line = parser.getCurrentLineNumber();
                try {
                    if (record.size() < minFields || record.size() > maxFields) {
                        throw new IllegalArgumentException(minFields == maxFields
                                ? "expected %d fields, found %d".formatted(minFields, record.size())
                                : "expected %d to %d fields, found %d".formatted(minFields, maxFields, record.size()));
                    }
                    rows.add(map.apply(new Row(record.toList())));
                } catch (RuntimeException e) {
                    throw new IllegalStateException("%s line %d: %s".formatted(file, line, e.getMessage()), e);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + what + " seed " + file.toAbsolutePath(), e);
        } catch (UncheckedIOException e) {
            throw new IllegalStateException("%s: %s".formatted(file, e.getCause().getMessage()), e);
        }
        return rows;
    }
}
