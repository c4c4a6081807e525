package io.storedesk.pos.returns.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Gapless return numbers per register ({@code S001-R01-RET-000001}), from the register's RETURN
 * counter. Taken in the caller's transaction, so a rolled-back return gives its number back.
 * (A deliberate small copy of the sale module's counter, which is internal to it.)
 */
@Component
class ReturnNumbers {

    private static final String COUNTER = "RETURN";

    private final JdbcClient jdbc;

    ReturnNumbers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    long next(String registerId) {
        // lock 6 of docs/locking.md (register counter)
        int updated = jdbc.sql("UPDATE register_counter SET last_value = last_value + 1 WHERE register_id = ? AND counter = ?")
                .params(registerId, COUNTER).update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO register_counter (register_id, counter, last_value) VALUES (?, ?, 1)")
                    .params(registerId, COUNTER).update();
            return 1;
        }
        return jdbc.sql("SELECT last_value FROM register_counter WHERE register_id = ? AND counter = ?")
                .params(registerId, COUNTER).query(Long.class).single();
    }

    static String format(String storeId, String registerId, long seq) {
        return "%s-%s-RET-%06d".formatted(storeId, registerId, seq);
    }
}
