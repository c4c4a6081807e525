package io.storedesk.pos.sale.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.storedesk.pos.sale.SaleStatus;
import io.storedesk.pos.sale.SaleView;

/** Maps stored sales to what the API shows. */
final class SaleViews {

    private SaleViews() {
    }

    static SaleView of(Sale s) {
        int scale = java.util.Currency.getInstance(s.currency()).getDefaultFractionDigits();
        List<SaleView.Line> lines = s.lines().stream().map(l -> new SaleView.Line(l.lineNo, l.sku, l.name,
                l.department, l.quantity, str(l.unitPrice, scale), str(l.discount, scale), str(l.net, scale),
                str(l.tax, scale), l.taxRate.stripTrailingZeros().toPlainString(), l.taxLetter, l.returnedQuantity, l.priceVersion,
                l.giftCard == null ? null : new SaleView.GiftCard(l.giftCard, l.giftCardKind, l.giftCardOp,
                        l.giftCardBalance == null ? null : str(l.giftCardBalance, scale))))
                .toList();
        List<SaleView.Tender> tenders = s.tenders().stream().map(t -> new SaleView.Tender(t.type,
                str(t.amount, scale), t.tendered == null ? null : str(t.tendered, scale), t.maskedPan, t.brand,
                t.authCode, t.rrn, t.reference, t.balanceAfter == null ? null : str(t.balanceAfter, scale))).toList();
        BigDecimal paid = s.tenders().stream().map(t -> t.amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new SaleView(s.receiptNumber(), SaleStatus.COMPLETED.name(), s.storeId(), s.registerId(), s.drawerId(),
                s.businessDate(), s.completedAt().atOffset(ZoneOffset.UTC), s.clerk(), s.currency(), lines,
                str(s.subtotal(), scale), str(s.discountTotal(), scale), str(s.taxTotal(), scale),
                str(s.total(), scale), taxes(s, scale), tenders, str(paid, scale), str(s.changeGiven(), scale),
                str(s.cashRounding(), scale), s.pointsEarned(), s.promotions().stream().map(p -> new SaleView.Promotion(
                        p.code, p.description, str(p.amount, scale))).toList(), s.loyaltyCard(),
                s.discounts().stream().map(d -> new SaleView.Discount(d.kind, d.lineNo, d.reason,
                        d.percent == null ? null : d.percent.stripTrailingZeros().toPlainString(), str(d.amount, scale),
                        d.wasPrice == null ? null : str(d.wasPrice, scale), d.approvedBy)).toList(),
                s.taxExemptReason() == null ? null : new SaleView.TaxExemption(s.taxExemptReason(),
                        s.taxExemptDocument(), s.taxExemptApprovedBy(), str(s.taxNotCharged(), scale),
                        s.lines().stream().filter(l -> l.taxExempt).map(l -> l.lineNo).sorted().toList(),
                        str(s.lines().stream().filter(l -> l.taxExempt).map(l -> l.net)
                                .reduce(BigDecimal.ZERO, BigDecimal::add), scale)));
    }

    /** A manual discount as the journal records it (fields that do not apply are left out). */
    static Map<String, Object> journalEntry(SaleView.Discount d) {
        Map<String, Object> entry = new java.util.LinkedHashMap<>();
        entry.put("kind", d.kind());
        entry.put("lineNo", d.lineNo());
        entry.put("reason", d.reason());
        if (d.percent() != null) {
            entry.put("percent", d.percent());
        }
        entry.put("amount", d.amount());
        if (d.wasPrice() != null) {
            entry.put("wasPrice", d.wasPrice());
        }
        if (d.approvedBy() != null) {
            entry.put("approvedBy", d.approvedBy());
        }
        return entry;
    }

    private static List<SaleView.Tax> taxes(Sale s, int scale) {
        Map<BigDecimal, BigDecimal[]> byRate = new TreeMap<>(Comparator.reverseOrder());
        Map<BigDecimal, String> letters = new TreeMap<>();
        for (SaleLine l : s.lines()) {
            if (l.giftCard != null) {
                continue; // a gift card is a voucher: outside the tax table, taxed when spent
            }
            BigDecimal rate = l.taxRate.stripTrailingZeros();
            BigDecimal[] sums = byRate.computeIfAbsent(rate, r -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
            sums[0] = sums[0].add(l.net);
            sums[1] = sums[1].add(l.tax);
            letters.put(rate, l.taxLetter);
        }
        return byRate.entrySet().stream().map(e -> new SaleView.Tax(e.getKey().toPlainString(),
                letters.get(e.getKey()), str(e.getValue()[0].subtract(e.getValue()[1]), scale),
                str(e.getValue()[1], scale), str(e.getValue()[0], scale))).toList();
    }

    static Summary summary(Sale s) {
        int scale = java.util.Currency.getInstance(s.currency()).getDefaultFractionDigits();
        return new Summary(s.receiptNumber(), SaleStatus.COMPLETED.name(), s.businessDate(), s.completedAt().atOffset(ZoneOffset.UTC),
                s.registerId(), s.clerk(), s.currency(), str(s.total(), scale));
    }

    private static String str(BigDecimal amount, int scale) {
        return amount.setScale(scale, java.math.RoundingMode.UNNECESSARY).toPlainString();
    }

    record Summary(String receiptNumber, String status, LocalDate businessDate, OffsetDateTime completedAt,
            String registerId, String clerk, String currency, String total) {
    }
}
