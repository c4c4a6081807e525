package io.storedesk.pos.payment.internal;

import io.storedesk.pos.common.StoreOnly;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * System trace audit numbers (field 11), one persistent sequence per terminal. Each number is
 * taken and committed in a transaction of its own, so it is never handed out twice, even when
 * the request that used it rolls back or the process dies; gaps are allowed. Runs 000001 to
 * 999999 and wraps round.
 */
@StoreOnly
@Component
class StanSequence {

    private static final int MAX = 999_999;

    private final JdbcClient jdbc;
    private final TransactionTemplate newTransaction;

    StanSequence(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.newTransaction = new TransactionTemplate(transactions);
        this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    String next(String terminalId) {
        try {
            return format(newTransaction.execute(s -> take(terminalId)));
        } catch (DuplicateKeyException firstUseRace) {
            return format(newTransaction.execute(s -> take(terminalId)));
        }
    }

    /**
     * The next number, taken in the caller's transaction: it commits with the record of the
     * request that carries it, so one durable commit covers both. A first use of a terminal
     * racing another may fail with {@link DuplicateKeyException}; the caller repeats its
     * transaction.
     */
    String nextInTransaction(String terminalId) {
        return format(take(terminalId));
    }

    private int take(String terminalId) {
        int updated = jdbc.sql("UPDATE payment_stan SET last_stan = CASE WHEN last_stan >= ? THEN 1 ELSE last_stan + 1 END "
                        + "WHERE terminal_id = ?")
                .params(MAX, terminalId).update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO payment_stan (terminal_id, last_stan) VALUES (?, 1)").param(terminalId).update();
            return 1;
        }
        return jdbc.sql("SELECT last_stan FROM payment_stan WHERE terminal_id = ?").param(terminalId)
                .query(Integer.class).single();
    }

    private static String format(Integer stan) {
        return "%06d".formatted(stan);
    }
}
