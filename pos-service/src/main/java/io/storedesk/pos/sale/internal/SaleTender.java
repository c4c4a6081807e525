package io.storedesk.pos.sale.internal;

import java.math.BigDecimal;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A tender of a completed sale. Card data is only ever the masked PAN and references. */
@Embeddable
class SaleTender {

    @Column(name = "tender_no")
    int tenderNo;
    String type;
    BigDecimal amount;
    BigDecimal tendered;
    String reference;
    @Column(name = "masked_pan")
    String maskedPan;
    String brand;
    @Column(name = "auth_code")
    String authCode;
    String rrn;
    @Column(name = "balance_after")
    BigDecimal balanceAfter;

    protected SaleTender() {
    }

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
