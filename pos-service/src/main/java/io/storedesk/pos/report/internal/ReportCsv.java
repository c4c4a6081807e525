package io.storedesk.pos.report.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import io.storedesk.pos.report.DailyReport;
import io.storedesk.pos.report.spi.ReportSection;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The report as CSV for machines (RFC 4180, written by Commons CSV): UTF-8 without a byte-order
 * mark, CRLF line ends, a header line, fields quoted when they hold a comma, quote or line break. One figure per row
 * in the columns {@code section,key,field,value}; amounts with a {@code .} decimal separator and
 * no grouping ("1234.50"), dates ISO-8601 ("2026-11-23"), rates as decimal fractions ("0.1558").
 */
final class ReportCsv {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setHeader("section", "key", "field", "value")
            .setNullString("")
            .get();

    private final StringBuilder out = new StringBuilder(4096);
    private final CSVPrinter printer;

    private ReportCsv() {
        try {
            printer = new CSVPrinter(out, FORMAT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] write(DailyReportService.Composed composed) {
        ReportCsv csv = new ReportCsv();
        DailyReport r = composed.report();
        csv.summary("storeId", r.storeId());
        csv.summary("storeName", r.storeName());
        csv.summary("date", r.date() == null ? "" : r.date().toString());
        csv.summary("from", r.from().toString());
        csv.summary("to", r.to().toString());
        csv.summary("currency", r.currency());
        csv.summary("salesCount", Long.toString(r.salesCount()));
        csv.summary("grossSales", r.grossSales());
        csv.summary("discounts", r.discounts());
        csv.summary("salesTotal", r.salesTotal());
        csv.summary("returns", r.returns());
        csv.summary("returnsCount", Long.toString(r.returnsCount()));
        csv.summary("netSales", r.netSales());
        csv.summary("taxTotal", r.taxTotal());
        csv.summary("cashRounding", r.cashRounding());
        csv.summary("returnsCashRounding", r.returnsCashRounding());
        csv.summary("openDrawers", Long.toString(r.openDrawers()));
        csv.summary("zNumber", r.zNumber() == null ? "" : r.zNumber().toString());
        r.taxByRate().forEach((rate, f) -> f.forEach((field, v) -> csv.row("taxByRate", rate, field, v)));
        csv.amounts("tenders", r.tenders(), "amount");
        csv.amounts("byDepartment", r.byDepartment(), "amount");
        csv.amounts("byHour", r.byHour(), "amount");
        csv.amounts("refundsByTender", r.refundsByTender(), "amount");
        r.returnsByReason().forEach((reason, f) -> {
            csv.row("returnsByReason", reason, "lines", Long.toString(f.lines()));
            csv.row("returnsByReason", reason, "quantity", Long.toString(f.quantity()));
            csv.row("returnsByReason", reason, "amount", f.amount());
        });
        r.returnsByClerk().forEach((clerk, f) -> {
            csv.row("returnsByClerk", clerk, "count", Long.toString(f.count()));
            csv.row("returnsByClerk", clerk, "amount", f.amount());
            csv.row("returnsByClerk", clerk, "salesCount", Long.toString(f.salesCount()));
            csv.row("returnsByClerk", clerk, "sales", f.sales());
            csv.row("returnsByClerk", clerk, "refundRate", f.refundRate() == null ? "" : f.refundRate());
        });
        csv.row("voids", "", "count", Long.toString(r.voids().count()));
        csv.row("voids", "", "amount", r.voids().amount());
        csv.row("giftCardsSold", "", "count", Long.toString(r.giftCardsSold().count()));
        csv.row("giftCardsSold", "", "amount", r.giftCardsSold().amount());
        csv.row("giftCardsSold", "ACTIVATE", "count", Long.toString(r.giftCardsSold().activations().count()));
        csv.row("giftCardsSold", "ACTIVATE", "amount", r.giftCardsSold().activations().amount());
        csv.row("giftCardsSold", "RELOAD", "count", Long.toString(r.giftCardsSold().reloads().count()));
        csv.row("giftCardsSold", "RELOAD", "amount", r.giftCardsSold().reloads().amount());
        r.voidsByClerk().forEach((user, f) -> {
            csv.row("voidsByClerk", user, "count", Long.toString(f.count()));
            csv.row("voidsByClerk", user, "amount", f.amount());
        });
        r.noSalesByClerk().forEach((user, n) -> csv.row("noSalesByClerk", user, "count", Long.toString(n)));
        csv.amounts("cashMovements", r.cashMovements(), "amount");
        csv.amounts("variancesByUser", r.variancesByUser(), "variance");
        for (DailyReportService.Section s : composed.sections()) {
            for (ReportSection.Row row : s.content().rows()) {
                csv.row(s.name(), row.key(), row.field(), row.value());
            }
        }
        return csv.out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private void summary(String field, String value) {
        row("summary", "", field, value);
    }

    private void amounts(String section, Map<String, String> amounts, String field) {
        amounts.forEach((k, v) -> row(section, k, field, v));
    }

    private void row(String section, String key, String field, String value) {
        try {
            printer.printRecord(section, key, field, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringBuilder does not fail
        }
    }
}
