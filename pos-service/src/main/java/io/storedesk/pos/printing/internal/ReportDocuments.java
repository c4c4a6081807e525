package io.storedesk.pos.printing.internal;

import java.math.BigDecimal;
import java.time.Clock;

import io.storedesk.pos.drawer.BusinessDays;
import io.storedesk.pos.drawer.DrawerReports;
import io.storedesk.pos.report.ZReport;
import io.storedesk.receipt.DocumentKind;
import io.storedesk.receipt.Receipt;
import io.storedesk.receipt.ReceiptBuilder;
import org.springframework.stereotype.Component;

/**
 * Printed drawer documents: the drawer close (with the float and the count by denomination), the
 * X report of an open drawer and the Z report of a closed day. Every figure is printed as the
 * drawer and report modules hold it; the Z report comes from the copy stored at the close, so a
 * reprint never differs from the original.
 */
@Component
class ReportDocuments {

    private final DocumentParts parts;
    private final Clock clock;

    ReportDocuments(DocumentParts parts, Clock clock) {
        this.parts = parts;
        this.clock = clock;
    }

    Receipt close(DrawerReports.DrawerClose c, boolean copy) {
        ReceiptBuilder b = parts.document(DocumentKind.DRAWER_CLOSE, c.drawerId() + "-" + shortId(c.sessionId()),
                        c.closedAt(), c.currency())
                .register(c.registerId())
                .clerk(parts.user(c.closedBy()))
                .copy(copy);
        row(b, "drawer", c.drawerId());
        row(b, "session", c.sessionId().toString());
        row(b, "businessDate", parts.date(c.businessDate()));
        row(b, "openedBy", parts.user(c.openedBy()));
        row(b, "openedAt", parts.dateTime(c.openedAt()));
        row(b, "closedBy", parts.user(c.closedBy()));
        row(b, "closedAt", parts.dateTime(c.closedAt()));
        row(b, "openingFloat", parts.money(c.openingFloat()));
        row(b, "postings", "");
        c.postingsByType().forEach((type, amount) -> b.row("  " + postingLabel(type), parts.money(amount)));
        row(b, "count", "");
        c.countedCounts().forEach((face, pieces) -> b.row("  " + parts.money(face) + " x " + pieces,
                parts.money(new BigDecimal(face).multiply(BigDecimal.valueOf(pieces)))));
        row(b, "expectedCash", parts.money(c.expectedCash()));
        row(b, "countedCash", parts.money(c.countedCash()));
        row(b, "variance", parts.money(c.variance()));
        row(b, "result", parts.captionOr("drawerResult." + c.result(), c.result()));
        if (c.approvedBy() != null) {
            row(b, "approvedBy", parts.user(c.approvedBy()));
        }
        return b.build();
    }

    Receipt x(DrawerReports.XReport x) {
        ReceiptBuilder b = parts.document(DocumentKind.X_REPORT, x.drawerId() + "-" + shortId(x.sessionId()),
                        clock.instant(), x.currency())
                .register(x.registerId())
                .clerk(parts.user(x.openedBy()));
        row(b, "drawer", x.drawerId());
        row(b, "session", x.sessionId().toString());
        row(b, "businessDate", parts.date(x.businessDate()));
        row(b, "openedBy", parts.user(x.openedBy()));
        row(b, "openingFloat", parts.money(x.openingFloat()));
        row(b, "cashSales", parts.money(x.cashSales()));
        row(b, "cashRefunds", parts.money(x.cashRefunds()));
        row(b, "paidIn", parts.money(x.paidIn()));
        row(b, "paidOut", parts.money(x.paidOut()));
        row(b, "safeDrops", parts.money(x.safeDrops()));
        row(b, "pickups", parts.money(x.pickups()));
        row(b, "expectedCash", parts.money(x.expectedCash()));
        row(b, "transactions", Long.toString(x.transactions()));
        row(b, "tenders", "");
        x.tenders().forEach((type, amount) -> b.row("  " + parts.tender(type), parts.money(amount)));
        return b.build();
    }

    Receipt z(ZReport z, boolean copy) {
        ReceiptBuilder b = parts.document(DocumentKind.Z_REPORT, "Z" + z.zNumber(), z.closedAt().toInstant(),
                        z.currency())
                .clerk(parts.user(z.closedBy()))
                .copy(copy);
        row(b, "zNumber", Long.toString(z.zNumber()));
        row(b, "businessDate", parts.date(z.businessDate()));
        row(b, "closedBy", parts.user(z.closedBy()));
        row(b, "closedAt", parts.dateTime(z.closedAt().toInstant()));
        row(b, "salesCount", Long.toString(z.salesCount()));
        row(b, "grossSales", parts.money(z.grossSales()));
        row(b, "discounts", parts.money(z.discounts()));
        row(b, "salesTotal", parts.money(z.salesTotal()));
        b.row(parts.caption("returns") + " (" + z.returnsCount() + ")", parts.money(z.returns()));
        b.row(parts.caption("voids") + " (" + z.voidsCount() + ")", parts.money(z.voids()));
        row(b, "netSales", parts.money(z.netSales()));
        if (z.giftCardsSold() != null) { // a liability, not a sale (issue 26); its tenders are below
            b.row(parts.caption("giftCardsSold") + " (" + z.giftCardsSold().count() + ")",
                    parts.money(z.giftCardsSold().amount()));
            if (z.giftCardsSold().count() > 0) {
                b.row("  " + parts.caption("giftCardActivations") + " (" + z.giftCardsSold().activations().count() + ")",
                        parts.money(z.giftCardsSold().activations().amount()));
                b.row("  " + parts.caption("giftCardReloads") + " (" + z.giftCardsSold().reloads().count() + ")",
                        parts.money(z.giftCardsSold().reloads().amount()));
            }
        }
        row(b, "taxTotal", parts.money(z.taxTotal()));
        row(b, "cashRounding", parts.money(z.cashRounding()));
        row(b, "tenders", "");
        z.tenders().forEach((type, amount) -> b.row("  " + parts.tender(type), parts.money(amount)));
        if (!z.byDepartment().isEmpty()) {
            row(b, "departments", "");
            parts.departments(z.byDepartment()).forEach((name, amount) -> b.row("  " + name, parts.money(amount)));
        }
        row(b, "drawers", "");
        for (BusinessDays.ClosedSession d : z.drawers()) {
            b.row("  " + d.drawerId() + " " + parts.user(d.openedBy()),
                    parts.caption("variance") + " " + parts.money(d.variance()));
            b.row("    " + parts.caption("expectedCash"), parts.money(d.expectedCash()));
            b.row("    " + parts.caption("countedCash"), parts.money(d.countedCash()));
        }
        if (!z.variancesByUser().isEmpty()) {
            row(b, "variancesByUser", "");
            z.variancesByUser().forEach((user, amount) -> b.row("  " + parts.user(user), parts.money(amount)));
        }
        if (z.manualDiscounts() != null && z.manualDiscounts().count() > 0) {
            row(b, "manualDiscountsByReason", "");
            z.manualDiscounts().byReason().forEach((reason, f) -> b.row(
                    "  " + parts.captionOr("reason." + reason, reason) + " (" + f.count() + ")", parts.money(f.amount())));
            row(b, "manualDiscountsByClerk", "");
            z.manualDiscounts().byClerk().forEach((clerk, f) ->
                    b.row("  " + parts.user(clerk) + " (" + f.count() + ")", parts.money(f.amount())));
        }
        if (z.taxExempt() != null && z.taxExempt().count() > 0) {
            b.row(parts.caption("taxExemptByReason") + " (" + z.taxExempt().count() + ")", parts.money(z.taxExempt().net()));
            z.taxExempt().byReason().forEach((reason, f) -> b.row(
                    "  " + parts.captionOr("taxExemptReason." + reason, reason) + " (" + f.count() + ")",
                    parts.money(f.net())));
        }
        parts.taxRows(z.taxByRate()).forEach(b::tax);
        return b.build();
    }

    private String postingLabel(String type) {
        return switch (type) {
            case "SALE" -> parts.caption("cashSales");
            case "REFUND" -> parts.caption("cashRefunds");
            case "PAID_IN" -> parts.caption("paidIn");
            case "PAID_OUT" -> parts.caption("paidOut");
            case "SAFE_DROP" -> parts.caption("safeDrops");
            case "PICKUP" -> parts.caption("pickups");
            default -> type.startsWith("TENDER_") ? parts.tender(type.substring("TENDER_".length())) : type;
        };
    }

    private void row(ReceiptBuilder b, String caption, String value) {
        b.row(parts.caption(caption), value);
    }

    private static String shortId(java.util.UUID id) {
        return id.toString().substring(0, 8).toUpperCase(java.util.Locale.ROOT);
    }
}
