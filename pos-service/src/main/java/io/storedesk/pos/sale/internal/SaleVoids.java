package io.storedesk.pos.sale.internal;

import java.time.ZoneOffset;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Post-voids: one row per voided sale, next to the sale, which itself is never changed. */
@Component
class SaleVoids {

    private final JdbcClient jdbc;

    SaleVoids(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean isVoided(String receiptNumber) {
        return jdbc.sql("SELECT COUNT(*) FROM sale_void WHERE receipt_number = ?").param(receiptNumber)
                .query(Integer.class).single() > 0;
    }

    /** Fails on the primary key when the sale was voided already, rolling the whole void back. */
    @Transactional(propagation = Propagation.MANDATORY)
    void insert(SaleVoid v) {
        jdbc.sql("INSERT INTO sale_void (receipt_number, business_date, register_id, voided_by, approved_by, reason, "
                        + "voided_at, total, cash_back) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(v.receiptNumber(), v.businessDate(), v.registerId(), v.voidedBy(), v.approvedBy(), v.reason(),
                        v.at().atOffset(ZoneOffset.UTC), v.total(), v.cashBack().amount())
                .update();
    }
}
