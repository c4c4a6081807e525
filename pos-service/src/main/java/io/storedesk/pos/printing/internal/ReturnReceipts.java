package io.storedesk.pos.printing.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.storedesk.pos.returns.ReturnView;
import io.storedesk.pos.sale.SaleView;
import io.storedesk.receipt.DocumentKind;
import io.storedesk.receipt.Receipt;
import io.storedesk.receipt.ReceiptBuilder;
import io.storedesk.receipt.TaxRow;
import io.storedesk.receipt.Tender;
import io.storedesk.receipt.Totals;
import org.springframework.stereotype.Component;

/**
 * The printed receipt of a return: RETURN heading, the original receipt number, the returned
 * lines with what each refunds (negative amounts: money goes back), the refund tenders (cards
 * masked; a store credit refund prints as its own tender line). Item names, unit prices and tax letters
 * come from the original sale; the VAT of each refund is worked out per rate the way the sale
 * worked it out ({@code tax = gross * rate / (100 + rate)}, HALF_UP).
 */
@Component
class ReturnReceipts {

    private final DocumentParts parts;

    ReturnReceipts(DocumentParts parts) {
        this.parts = parts;
    }

    Receipt of(ReturnView ret, SaleView sale, boolean copy) {
        Currency currency = Currency.getInstance(ret.currency());
        int scale = currency.getDefaultFractionDigits();
        ReceiptBuilder b = parts.document(DocumentKind.RETURN, ret.returnNumber(), ret.completedAt().toInstant(),
                        ret.currency())
                .register(ret.registerId())
                .clerk(ret.clerk())
                .copy(copy)
                .barcode(ret.returnNumber())
                .row(parts.caption("originalReceipt"), ret.receiptNumber());
        if (ret.approvedBy() != null) {
            b.row(parts.caption("approvedBy"), ret.approvedBy());
        }
        Map<Integer, SaleView.Line> sold = sale.lines().stream()
                .collect(Collectors.toMap(SaleView.Line::lineNo, Function.identity()));
        Map<String, BigDecimal[]> byLetter = new LinkedHashMap<>();
        BigDecimal lines = BigDecimal.ZERO;
        for (ReturnView.Line l : ret.lines()) {
            SaleView.Line s = sold.get(l.lineNo());
            BigDecimal refund = new BigDecimal(l.refund());
            lines = lines.add(refund);
            String name = s == null ? l.sku() : s.name();
            BigDecimal unit = s == null ? refund : new BigDecimal(s.unitPrice());
            String letter = s == null ? "" : s.taxLetter();
            b.line(name, BigDecimal.valueOf(-l.quantity()), unit, BigDecimal.ZERO, refund.negate(), letter);
            if (s != null) {
                BigDecimal[] rateAndGross = byLetter.computeIfAbsent(letter,
                        k -> new BigDecimal[] {new BigDecimal(s.taxRate()), BigDecimal.ZERO});
                rateAndGross[1] = rateAndGross[1].add(refund);
            }
        }
        byLetter.forEach((letter, rateAndGross) -> {
            BigDecimal rate = rateAndGross[0];
            BigDecimal gross = rateAndGross[1];
            BigDecimal tax = gross.multiply(rate).divide(rate.add(BigDecimal.valueOf(100)), scale, RoundingMode.HALF_UP);
            b.tax(new TaxRow(letter, rate, gross.subtract(tax).negate(), tax.negate(), gross.negate()));
        });
        BigDecimal refundTotal = new BigDecimal(ret.refundTotal());
        BigDecimal rounding = new BigDecimal(ret.cashRounding());
        b.totals(new Totals(lines.negate(), BigDecimal.ZERO, lines.negate(), rounding.negate(), refundTotal.negate()));
        for (ReturnView.Refund r : ret.refunds()) {
            b.tender(new Tender(parts.tender(r.type()), new BigDecimal(r.amount()).negate(), r.maskedPan(), null));
        }
        return b.footer(parts.footer()).build();
    }
}
