package io.storedesk.pos.report.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.storedesk.pos.report.DailyReport;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * The report as an A4 PDF for people: summary, tax, tenders, departments, bar charts of sales by
 * hour, tenders and returns by reason, the clerk tables (refund rate, voids, no-sale opens), cash
 * movements, drawer variances and the contributed sections. Figures as in JSON ({@code .} decimal
 * separator, ISO dates), so the PDF reads the same as the CSV.
 */
final class ReportPdf {

    private ReportPdf() {
    }

    static byte[] write(DailyReportService.Composed composed) {
        DailyReport r = composed.report();
        try (PDDocument document = new PDDocument()) {
            try (PdfReportPage page = new PdfReportPage(document)) {
                String period = r.date() != null ? "Business day " + r.date()
                        : "Business days " + r.from() + " to " + r.to();
                page.title("Store report " + r.storeId() + " " + r.storeName(), period + " · amounts in " + r.currency());
                if (r.date() != null) {
                    page.line(r.zNumber() != null ? "Day closed with Z report no. " + r.zNumber() + "."
                            : "Day not closed yet: figures can still change.");
                }
                page.heading("Sales");
                page.row("Sales", Long.toString(r.salesCount()));
                page.row("Gross sales", r.grossSales());
                page.row("Discounts", r.discounts());
                page.row("Sales total", r.salesTotal());
                page.row("Returns (" + r.returnsCount() + ")", r.returns());
                page.row("Net sales", r.netSales());
                page.row("Tax included", r.taxTotal());
                page.row("Cash rounding", r.cashRounding());
                page.row("Post-voids (" + r.voids().count() + ")", r.voids().amount());

                page.heading("Tax by rate");
                List<List<String>> tax = new ArrayList<>();
                tax.add(List.of("Rate %", "Net", "Tax", "Gross"));
                r.taxByRate().forEach((rate, f) -> tax.add(List.of(rate, f.get("net"), f.get("tax"), f.get("gross"))));
                page.table(new float[] {0.4f, 0.2f, 0.2f, 0.2f}, tax, true);

                page.heading("Sales by department");
                page.rows("", r.byDepartment());

                page.heading("Charts");
                page.barChart("Sales by hour", r.byHour());
                page.barChart("Tenders", r.tenders());
                Map<String, String> reasons = new TreeMap<>();
                r.returnsByReason().forEach((k, v) -> reasons.put(k, v.amount()));
                page.barChart("Returns by reason", reasons);

                page.heading("Returns");
                List<List<String>> byReason = new ArrayList<>();
                byReason.add(List.of("Reason", "Lines", "Units", "Refund"));
                r.returnsByReason().forEach((k, v) -> byReason.add(List.of(k, Long.toString(v.lines()),
                        Long.toString(v.quantity()), v.amount())));
                page.table(new float[] {0.4f, 0.2f, 0.2f, 0.2f}, byReason, true);
                page.row("Cash rounding of refunds", r.returnsCashRounding());
                page.rows("Refunded ", r.refundsByTender());

                page.heading("By clerk");
                List<List<String>> clerks = new ArrayList<>();
                clerks.add(List.of("Clerk", "Sales", "Sold", "Returns", "Refunded", "Refund rate", "Voids", "Voided",
                        "No-sales"));
                java.util.Set<String> users = new java.util.TreeSet<>(r.returnsByClerk().keySet());
                users.addAll(r.voidsByClerk().keySet());
                users.addAll(r.noSalesByClerk().keySet());
                for (String u : users) {
                    DailyReport.ClerkReturns c = r.returnsByClerk().get(u);
                    DailyReport.VoidFigures v = r.voidsByClerk().get(u);
                    clerks.add(List.of(u, c == null ? "0" : Long.toString(c.salesCount()), c == null ? "" : c.sales(),
                            c == null ? "0" : Long.toString(c.count()), c == null ? "" : c.amount(),
                            c == null || c.refundRate() == null ? "" : c.refundRate(),
                            v == null ? "0" : Long.toString(v.count()), v == null ? "" : v.amount(),
                            Long.toString(r.noSalesByClerk().getOrDefault(u, 0L))));
                }
                page.table(new float[] {0.16f, 0.08f, 0.12f, 0.1f, 0.12f, 0.12f, 0.08f, 0.11f, 0.11f}, clerks, true);

                page.heading("Cash drawers");
                for (Map.Entry<String, String> e : r.cashMovements().entrySet()) {
                    page.row(movement(e.getKey()), e.getValue());
                }
                page.rows("Count variance ", r.variancesByUser());
                if (r.openDrawers() > 0) {
                    page.line(r.openDrawers() + " drawer session(s) not yet counted: their variance is not included.");
                }

                for (DailyReportService.Section s : composed.sections()) {
                    page.heading(s.title());
                    for (String line : s.content().lines()) {
                        page.line(line);
                    }
                }
                if (composed.sections().isEmpty()) {
                    page.heading("Other sections");
                    page.line("No module contributes promotion, loyalty or service-case figures in this installation.");
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the report PDF", e);
        }
    }

    private static String movement(String type) {
        return switch (type) {
            case "PAID_IN" -> "Paid in";
            case "PAID_OUT" -> "Paid out";
            case "SAFE_DROP" -> "Safe drops";
            case "PICKUP" -> "Pick-ups";
            default -> type;
        };
    }
}
