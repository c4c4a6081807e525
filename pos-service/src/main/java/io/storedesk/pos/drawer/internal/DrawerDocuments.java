package io.storedesk.pos.drawer.internal;

import java.math.BigDecimal;
import java.time.Clock;

import io.storedesk.pos.drawer.DrawerReports;
import io.storedesk.pos.printing.documents.DocumentWords;
import io.storedesk.receipt.DocumentKind;
import io.storedesk.receipt.Receipt;
import io.storedesk.receipt.ReceiptBuilder;
import org.springframework.stereotype.Component;

/**
 * Printed drawer documents: the drawer close (with the float and the count by denomination) and the
 * X report of an open drawer, in the receipt library's model with the printing library's words. Every
 * figure is printed as the drawer module holds it.
 */
@Component
class DrawerDocuments {

    private final DocumentWords parts;
    private final Clock clock;

    DrawerDocuments(DocumentWords parts, Clock clock) {
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
