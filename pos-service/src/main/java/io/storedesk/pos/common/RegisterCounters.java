package io.storedesk.pos.common;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Gapless per-register counters ({@code register_counter}: receipt numbers, return numbers, parked
 * baskets), one row per register and counter, locked by the increment (lock 6 of docs/locking.md).
 * The number is taken in the caller's transaction, so a rolled-back document gives its number back.
 * The one owner of document numbering: modules ask it for the next number of their own counter.
 */
@Component
public class RegisterCounters {

    private final JdbcClient jdbc;

    public RegisterCounters(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The next number of {@code counter} at {@code registerId}, from 1. */
    @Transactional(propagation = Propagation.MANDATORY)
    public long next(String registerId, String counter) {
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
