-- Training mode (ADR 0005, issue 24): special orders taken in training. They live here, apart from special_order,
-- so no real list, report, journal, drawer, mail outbox, sync outbox or purchase history can ever read them. The
-- order is numbered TRN-<register>-SO<seq> from the training counter and kept as answered (JSON); its pickup sale
-- is a training sale (training_sale). Each step repeated under the clerk's Idempotency-Key is answered from
-- training_special_order_step.
CREATE TABLE training_special_order (
    order_number    VARCHAR(40)     NOT NULL PRIMARY KEY,
    register_id     VARCHAR(20)     NOT NULL,
    customer_id     VARCHAR(40)     NOT NULL,
    status          VARCHAR(20)     NOT NULL,
    document        VARCHAR(100000) NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX training_special_order_updated ON training_special_order (updated_at);
CREATE TABLE training_special_order_step (
    idempotency_key VARCHAR(200)    NOT NULL PRIMARY KEY,
    order_number    VARCHAR(40)     NOT NULL,
    step            VARCHAR(20)     NOT NULL,
    request_hash    VARCHAR(80),
    document        VARCHAR(100000) NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX training_special_order_step_order ON training_special_order_step (order_number);
