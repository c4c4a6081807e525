package io.storedesk.pos.report.internal;

import io.storedesk.pos.printing.documents.DocumentWords;
import io.storedesk.pos.report.ZReport;
import io.storedesk.receipt.DocumentKind;
import io.storedesk.receipt.Receipt;
import io.storedesk.receipt.ReceiptBuilder;
import org.springframework.stereotype.Component;

/**
 * The printed Z report of a closed day, in the receipt library's model with the printing library's
 * words. It is laid out from the copy stored at the close, so a reprint never differs from the original.
 */
@Component
class ZReportDocument {

    private final DocumentWords parts;

    ZReportDocument(DocumentWords parts) {
        this.parts = parts;
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
        for (ZReport.Drawer d : z.drawers()) {
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

    private void row(ReceiptBuilder b, String caption, String value) {
        b.row(parts.caption(caption), value);
    }
}
