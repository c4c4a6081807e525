package io.storedesk.pos.sale.internal;

import java.math.BigDecimal;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A price override or manual discount of a sale, in the order applied (see {@code PricedBasket.Manual}). */
@Embeddable
class SaleDiscount {

    int seq;
    String kind;
    @Column(name = "line_no")
    int lineNo;
    String reason;
    BigDecimal percent;
    BigDecimal amount;
    @Column(name = "was_price")
    BigDecimal wasPrice;
    @Column(name = "approved_by")
    String approvedBy;

    protected SaleDiscount() {
    }

    SaleDiscount(int seq, String kind, int lineNo, String reason, BigDecimal percent, BigDecimal amount,
            BigDecimal wasPrice, String approvedBy) {
        this.seq = seq;
        this.kind = kind;
        this.lineNo = lineNo;
        this.reason = reason;
        this.percent = percent;
        this.amount = amount;
        this.wasPrice = wasPrice;
        this.approvedBy = approvedBy;
    }
}
