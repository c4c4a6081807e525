package io.storedesk.pos.sale.internal;

import java.math.BigDecimal;

/** A price override or manual discount of a sale, in the order applied (see {@code PricedBasket.Manual}). */
class SaleDiscount {

    int seq;
    String kind;
    int lineNo;
    String reason;
    BigDecimal percent;
    BigDecimal amount;
    BigDecimal wasPrice;
    String approvedBy;

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
