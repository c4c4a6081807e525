package io.storedesk.pos.sale.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Gapless per-register counters (receipt numbers). The number is taken in the caller's
 * transaction, so a rolled-back sale gives its number back.
 */
@Component
class RegisterCounters {

    private final JdbcClient jdbc;

    RegisterCounters(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    long next(String registerId, String counter) {
        // lock 6 of docs/locking.md (register counter)
        // the new value comes back with the update (RETURNING on PostgreSQL, generated keys on H2): one round trip
        GeneratedKeyHolder value = new GeneratedKeyHolder();
        int updated = jdbc.sql("UPDATE register_counter SET last_value = last_value + 1 WHERE register_id = ? AND counter = ?")
                .params(registerId, counter).update(value, "last_value");
        if (updated == 0) {
            jdbc.sql("INSERT INTO register_counter (register_id, counter, last_value) VALUES (?, ?, 1)")
                    .params(registerId, counter).update();
            return 1;
        }
        return ((Number) value.getKeyList().get(0).values().iterator().next()).longValue();
    }
}
