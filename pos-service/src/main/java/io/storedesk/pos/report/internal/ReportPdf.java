package io.storedesk.pos.report.internal;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import io.storedesk.pos.report.DailyReport;
import io.storedesk.receipt.pdf.A4Document;

/**
 * The report as an A4 PDF for people, in the store's language ({@link ReportText}): summary, tax
 * by rate with the receipts' letters (sorted by letter), tenders and departments by name, bar
 * charts of sales by hour, tenders and returns by reason, the clerk tables (by display name, the
 * refund rate as a percentage), cash movements, drawer variances and the contributed sections.
 * Amounts are printed as on the receipts ({@code 12,30} in Latvian); the CSV and JSON keep codes
 * and plain numbers for machines. Laid out on the receipt library's {@link A4Document}, the one A4
 * page layout (its font, wrapping, page breaks, tables and bar charts).
 */
final class ReportPdf {

    private static final float MARGIN = 50f;
    private static final float BODY = 9.5f;
    private static final float LEADING = 13f;

    private ReportPdf() {
    }

    static byte[] write(DailyReportService.Composed composed, ReportText t) {
        DailyReport r = composed.report();
        try {
            try (A4Document page = new A4Document(MARGIN, BODY, LEADING)) {
                String period = r.date() != null ? t.text("day", t.date(r.date()))
                        : t.text("days", t.date(r.from()), t.date(r.to()));
                page.title(t.text("title", r.storeId(), r.storeName()), period + " · " + t.text("amountsIn", r.currency()));
                if (r.date() != null) {
                    page.line(r.zNumber() != null ? t.text("closedWithZ", r.zNumber().toString()) : t.text("notClosed"));
                }
                page.heading(t.text("sales"));
                page.row(t.text("salesCount"), Long.toString(r.salesCount()));
                page.row(t.text("grossSales"), t.amount(r.grossSales()));
                page.row(t.text("discounts"), t.amount(r.discounts()));
                page.row(t.text("salesTotal"), t.amount(r.salesTotal()));
                page.row(t.text("returns", Long.toString(r.returnsCount())), t.amount(r.returns()));
                page.row(t.text("netSales"), t.amount(r.netSales()));
                // a liability, not a sale (issue 26): apart from the sales figures, paid for in the tenders
                page.row(t.text("giftCardsSold", Long.toString(r.giftCardsSold().count())),
                        t.amount(r.giftCardsSold().amount()));
                if (r.giftCardsSold().count() > 0) {
                    page.row("  " + t.text("giftCardActivations", Long.toString(r.giftCardsSold().activations().count())),
                            t.amount(r.giftCardsSold().activations().amount()));
                    page.row("  " + t.text("giftCardReloads", Long.toString(r.giftCardsSold().reloads().count())),
                            t.amount(r.giftCardsSold().reloads().amount()));
                }
                page.row(t.text("taxIncluded"), t.amount(r.taxTotal()));
                page.row(t.text("cashRounding"), t.amount(r.cashRounding()));
                page.row(t.text("postVoids", Long.toString(r.voids().count())), t.amount(r.voids().amount()));

                page.heading(t.text("taxByRate"));
                List<List<String>> tax = new ArrayList<>();
                tax.add(List.of(t.text("rate"), t.text("net"), t.text("tax"), t.text("gross")));
                t.taxLines(r.taxByRate()).forEach(l -> tax.add(List.of(l.label(), l.net(), l.tax(), l.gross())));
                page.table(new float[] {0.4f, 0.2f, 0.2f, 0.2f}, tax, true);

                page.heading(t.text("byDepartment"));
                t.named(r.byDepartment(), t::department).forEach((name, amount) -> row(page, name, t.amount(amount)));

                page.heading(t.text("charts"));
                page.barChart(t.text("byHour"), r.byHour(), t::amount, t.text("none"));
                page.barChart(t.text("tenders"), t.named(r.tenders(), t::tender), t::amount, t.text("none"));
                Map<String, String> reasons = new TreeMap<>();
                r.returnsByReason().forEach((k, v) -> reasons.put(k, v.amount()));
                page.barChart(t.text("returnsByReason"), t.named(reasons, t::returnReason), t::amount, t.text("none"));

                page.heading(t.text("returnsHeading"));
                List<List<String>> byReason = new ArrayList<>();
                byReason.add(List.of(t.text("reason"), t.text("lines"), t.text("units"), t.text("refund")));
                r.returnsByReason().forEach((k, v) -> byReason.add(List.of(t.returnReason(k), Long.toString(v.lines()),
                        Long.toString(v.quantity()), t.amount(v.amount()))));
                page.table(new float[] {0.4f, 0.2f, 0.2f, 0.2f}, byReason, true);
                page.row(t.text("refundsCashRounding"), t.amount(r.returnsCashRounding()));
                t.named(r.refundsByTender(), t::tender)
                        .forEach((tender, amount) -> row(page, t.text("refunded", tender), t.amount(amount)));

                page.heading(t.text("byClerk"));
                List<List<String>> clerks = new ArrayList<>();
                clerks.add(List.of(t.text("clerk"), t.text("clerkSales"), t.text("sold"), t.text("clerkReturns"),
                        t.text("clerkRefunded"), t.text("refundRate"), t.text("voids"), t.text("voided"),
                        t.text("noSales")));
                Set<String> users = new TreeSet<>(r.returnsByClerk().keySet());
                users.addAll(r.voidsByClerk().keySet());
                users.addAll(r.noSalesByClerk().keySet());
                for (String u : users) {
                    DailyReport.ClerkReturns c = r.returnsByClerk().get(u);
                    DailyReport.VoidFigures v = r.voidsByClerk().get(u);
                    clerks.add(List.of(t.user(u), c == null ? "0" : Long.toString(c.salesCount()),
                            c == null ? "" : t.amount(c.sales()),
                            c == null ? "0" : Long.toString(c.count()), c == null ? "" : t.amount(c.amount()),
                            c == null ? "" : t.ratio(c.refundRate()),
                            v == null ? "0" : Long.toString(v.count()), v == null ? "" : t.amount(v.amount()),
                            Long.toString(r.noSalesByClerk().getOrDefault(u, 0L))));
                }
                page.table(new float[] {0.22f, 0.07f, 0.1f, 0.07f, 0.1f, 0.14f, 0.07f, 0.1f, 0.13f}, clerks, true);

                page.heading(t.text("cashDrawers"));
                for (Map.Entry<String, String> e : r.cashMovements().entrySet()) {
                    page.row(movement(t, e.getKey()), t.amount(e.getValue()));
                }
                r.variancesByUser().forEach((u, amount) -> row(page, t.text("countVariance", t.user(u)), t.amount(amount)));
                if (r.openDrawers() > 0) {
                    page.line(t.text("openDrawers", Long.toString(r.openDrawers())));
                }

                for (DailyReportService.Section s : composed.sections()) {
                    page.heading(s.title());
                    for (String line : s.content().lines()) {
                        page.line(line);
                    }
                }
                if (composed.sections().isEmpty()) {
                    page.heading(t.text("otherSections"));
                    page.line(t.text("noSections"));
                }
                return page.toPdf(null);
            }
        } catch (UncheckedIOException e) {
            throw new UncheckedIOException("Could not write the report PDF", e.getCause());
        }
    }

    private static void row(A4Document page, String label, String value) {
        page.row(label, value);
    }

    private static String movement(ReportText t, String type) {
        return switch (type) {
            case "PAID_IN" -> t.caption("paidIn");
            case "PAID_OUT" -> t.caption("paidOut");
            case "SAFE_DROP" -> t.caption("safeDrops");
            case "PICKUP" -> t.caption("pickups");
            default -> type;
        };
    }
}
