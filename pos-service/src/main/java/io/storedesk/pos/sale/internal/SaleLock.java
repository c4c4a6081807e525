package io.storedesk.pos.sale.internal;

import io.storedesk.pos.common.ProblemException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Lock 4 of docs/locking.md, the sale lock: the sale's row, {@code SELECT ... FOR UPDATE}, held
 * until the caller's transaction ends. A post-void, a return and an exchange of one sale each take
 * it before they decide (voided? returned quantities? refunds so far?), so one of two racing
 * changes sees the other's outcome.
 */
@Component
class SaleLock {

    private final JdbcClient jdbc;

    SaleLock(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** 404 when there is no such sale. */
    @Transactional(propagation = Propagation.MANDATORY)
    void lock(String receiptNumber) {
        jdbc.sql("SELECT id FROM sale WHERE receipt_number = ? FOR UPDATE").param(receiptNumber).query(Object.class)
                .optional().orElseThrow(() -> ProblemException.notFound("Sale", receiptNumber));
    }
}
