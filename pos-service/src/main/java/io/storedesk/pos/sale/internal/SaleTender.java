package io.storedesk.pos.sale.internal;

import java.math.BigDecimal;

/** A tender of a completed sale. Card data is only ever the masked PAN and references. */
class SaleTender {

    int tenderNo;
    String type;
    BigDecimal amount;
    BigDecimal tendered;
    String reference;
    String maskedPan;
    String brand;
    String authCode;
    String rrn;
    BigDecimal balanceAfter;

    SaleTender(int tenderNo, String type, BigDecimal amount, BigDecimal tendered, String reference,
            io.storedesk.pos.sale.AppliedTender.Card card) {
        this.tenderNo = tenderNo;
        this.type = type;
        this.amount = amount;
        this.tendered = tendered;
        this.reference = reference;
        if (card != null) {
            this.maskedPan = card.maskedPan();
            this.brand = card.brand();
            this.authCode = card.authCode();
            this.rrn = card.rrn();
        }
    }

    SaleTender withBalanceAfter(BigDecimal balance) {
        this.balanceAfter = balance;
        return this;
    }
}
