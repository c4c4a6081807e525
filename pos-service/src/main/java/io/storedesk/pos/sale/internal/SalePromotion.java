package io.storedesk.pos.sale.internal;

import java.math.BigDecimal;

/** A promotion a sale earned and the discount it gave, in the order applied. */
class SalePromotion {

    int seq;
    String code;
    String description;
    BigDecimal amount;

    SalePromotion(int seq, String code, String description, BigDecimal amount) {
        this.seq = seq;
        this.code = code;
        this.description = description;
        this.amount = amount;
    }
}
