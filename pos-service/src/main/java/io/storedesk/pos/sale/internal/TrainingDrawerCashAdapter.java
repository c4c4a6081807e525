package io.storedesk.pos.sale.internal;

import java.util.UUID;
import java.util.function.Supplier;

import io.storedesk.pos.common.IdempotentResult;
import io.storedesk.pos.common.Money;
import io.storedesk.pos.drawer.DrawerInfo;
import io.storedesk.pos.drawer.PostingType;
import io.storedesk.pos.drawer.TrainingDrawerCash;
import io.storedesk.pos.sale.TrainingTill;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The drawer module's training port (ADR 0005, issue 24) handed to the training till: the drawer module may not
 * reach the sale module (sales post to drawers) and the training module may not reach drawers, so the sale module,
 * which sees both APIs, passes paid-ins, paid-outs and no-sales of a drawer in training to {@link TrainingTill} and
 * answers in the drawer's shapes. Without a training till nothing is ever in training.
 */
@Component
class TrainingDrawerCashAdapter implements TrainingDrawerCash {

    private final ObjectProvider<TrainingTill> till;

    TrainingDrawerCashAdapter(ObjectProvider<TrainingTill> till) {
        this.till = till;
    }

    @Override
    public boolean activeFor(String user, String registerId) {
        TrainingTill training = till.getIfAvailable();
        return training != null && training.activeFor(user, registerId);
    }

    @Override
    public IdempotentResult<Movement> move(DrawerInfo drawer, Supplier<UUID> session, PostingType type, Money amount,
            String reason, String user, String idempotencyKey, String fingerprint) {
        var done = till.getObject().cashMovement(drawer.registerId(), drawer.drawerId(), session, user, type.name(),
                amount, reason, idempotencyKey, fingerprint);
        var m = done.body();
        return new IdempotentResult<>(new Movement(m.drawerId(), m.sessionId(), m.type(), m.amount(), m.reason(),
                m.user(), m.at(), m.movementNumber(), true), done.replayed());
    }

    @Override
    public IdempotentResult<NoSale> noSale(DrawerInfo drawer, Supplier<UUID> session, String reason, String user,
            String idempotencyKey, String fingerprint) {
        var done = till.getObject().noSale(drawer.registerId(), drawer.drawerId(), session, user, reason,
                idempotencyKey, fingerprint);
        var m = done.body();
        return new IdempotentResult<>(new NoSale(m.drawerId(), m.sessionId(), m.reason(), m.user(), null, m.at(),
                m.movementNumber(), true), done.replayed());
    }
}
