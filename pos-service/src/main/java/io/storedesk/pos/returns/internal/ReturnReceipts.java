package io.storedesk.pos.returns.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.storedesk.pos.catalog.Catalog;
import io.storedesk.pos.printing.documents.DocumentWords;
import io.storedesk.pos.returns.ReturnView;
import io.storedesk.pos.sale.SaleView;
import io.storedesk.pos.sale.TrainingTill;
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
 * masked) and the code of the store credit a refund went to. Item names, unit prices and tax letters
 * come from the original sale; the VAT of each refund is worked out per rate the way the sale
 * worked it out ({@code tax = gross * rate / (100 + rate)}, HALF_UP). A training return ({@code TRN-...}, ADR 0005)
 * says "TRAINING - NOT A RECEIPT" in the store's language first under the store's name and last in the footer, as
 * a training sale's receipt does.
 */
@Component
class ReturnReceipts {

    private final DocumentWords parts;
    private final Catalog catalog;

    ReturnReceipts(DocumentWords parts, Catalog catalog) {
        this.parts = parts;
        this.catalog = catalog;
    }

    /**
     * @param sale the original sale, or {@code null} for a return without a receipt (lines then
     *             print with the catalogue's name and tax and the refund per unit as price)
     */
    Receipt of(ReturnView ret, SaleView sale, boolean copy) {
        Currency currency = Currency.getInstance(ret.currency());
        int scale = currency.getDefaultFractionDigits();
        boolean training = ret.returnNumber().startsWith(TrainingTill.PREFIX);
        ReceiptBuilder b = parts.document(DocumentKind.RETURN, ret.returnNumber(), ret.completedAt().toInstant(),
                        ret.currency())
                .store(parts.header(training))
                .register(ret.registerId())
                .clerk(ret.clerk())
                .copy(copy)
                .barcode(ret.returnNumber());
        if (ret.receiptNumber() != null) {
            b.row(parts.caption("originalReceipt"), ret.receiptNumber());
        }
        if (ret.exchangeReceipt() != null) {
            b.row(parts.caption("exchangeReceipt"), ret.exchangeReceipt());
        }
        if (ret.approvedBy() != null) {
            b.row(parts.caption("approvedBy"), ret.approvedBy());
        }
        for (ReturnView.Refund r : ret.refunds()) {
            if (r.storeCreditCode() != null) {
                b.row(parts.caption("storeCredit"), r.storeCreditCode());
            }
        }
        Map<Integer, SaleView.Line> sold = sale == null ? Map.of() : sale.lines().stream()
                .collect(Collectors.toMap(SaleView.Line::lineNo, Function.identity()));
        Map<String, BigDecimal[]> byLetter = new LinkedHashMap<>();
        BigDecimal lines = BigDecimal.ZERO;
        for (ReturnView.Line l : ret.lines()) {
            BigDecimal refund = new BigDecimal(l.refund());
            lines = lines.add(refund);
            Item item = item(sold.get(l.lineNo()), l, refund, scale);
            b.line(item.name(), BigDecimal.valueOf(-l.quantity()), item.unitPrice(), BigDecimal.ZERO, refund.negate(),
                    item.letter());
            if (item.rate() != null) {
                BigDecimal[] rateAndGross = byLetter.computeIfAbsent(item.letter(),
                        k -> new BigDecimal[] {item.rate(), BigDecimal.ZERO});
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
        // earned loyalty points the customer had already spent: their value was kept back from the refund
        BigDecimal pointsSpent = ret.pointsSpent() == null ? BigDecimal.ZERO : new BigDecimal(ret.pointsSpent());
        if (pointsSpent.signum() != 0) {
            b.row(parts.caption("pointsSpent"), ret.pointsSpent());
        }
        b.totals(new Totals(lines.negate(), BigDecimal.ZERO, lines.negate().subtract(pointsSpent), rounding.negate(),
                refundTotal.negate()));
        for (ReturnView.Refund r : ret.refunds()) {
            b.tender(new Tender(parts.tender(r.type()), new BigDecimal(r.amount()).negate(), r.maskedPan(), null));
        }
        return b.footer(parts.footer(training)).build();
    }

    private record Item(String name, BigDecimal unitPrice, String letter, BigDecimal rate) {
    }

    /**
     * What the receipt prints for a returned line: as it was sold, or, for a return without a
     * receipt, the catalogue's name and tax with the refund per unit as the price.
     */
    private Item item(SaleView.Line sold, ReturnView.Line returned, BigDecimal refund, int scale) {
        if (sold != null) {
            return new Item(sold.name(), new BigDecimal(sold.unitPrice()), sold.taxLetter(), new BigDecimal(sold.taxRate()));
        }
        BigDecimal perUnit = refund.divide(BigDecimal.valueOf(returned.quantity()), scale, RoundingMode.HALF_UP);
        return catalog.find(returned.sku())
                .map(c -> new Item(c.name(), perUnit, c.taxCategory().letter(), c.taxCategory().rate()))
                .orElseGet(() -> new Item(returned.sku(), perUnit, "", null));
    }
}
