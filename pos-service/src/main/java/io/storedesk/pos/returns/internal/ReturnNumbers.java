package io.storedesk.pos.returns.internal;

import io.storedesk.pos.common.RegisterCounters;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Gapless return numbers per register ({@code S001-R01-RET-000001}), from the register's RETURN
 * counter ({@link RegisterCounters}). Taken in the caller's transaction, so a rolled-back return
 * gives its number back.
 */
@Component
class ReturnNumbers {

    private static final String COUNTER = "RETURN";

    private final RegisterCounters counters;

    ReturnNumbers(RegisterCounters counters) {
        this.counters = counters;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    long next(String registerId) {
        return counters.next(registerId, COUNTER);
    }

    static String format(String storeId, String registerId, long seq) {
        return "%s-%s-RET-%06d".formatted(storeId, registerId, seq);
    }
}
