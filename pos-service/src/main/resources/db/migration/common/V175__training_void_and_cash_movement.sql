-- Training mode (ADR 0005, issue 24): post-voids of training sales and cash movements at a drawer in training.
-- A training void is kept here (the training sale's document then says VOIDED), apart from sale_void, so no drawer,
-- tender total, day total, journal or sync code can read it; a repeat under the clerk's Idempotency-Key is answered
-- from it. The receipt number is the key: a training sale is voided once.
CREATE TABLE training_sale_void (
    receipt_number  VARCHAR(40)     NOT NULL PRIMARY KEY,
    register_id     VARCHAR(20)     NOT NULL,
    voided_by       VARCHAR(64)     NOT NULL,
    approved_by     VARCHAR(64)     NOT NULL,
    reason          VARCHAR(200)    NOT NULL,
    idempotency_key VARCHAR(200)    UNIQUE,
    request_hash    VARCHAR(80),
    document        VARCHAR(100000) NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX training_sale_void_created ON training_sale_void (created_at);
-- Paid-in, paid-out and no-sale openings in training, numbered TRN-<register>-M<seq> from the training counter;
-- no drawer posting, journal entry or outbox event is ever made for them. kind: PAID_IN, PAID_OUT or NO_SALE.
CREATE TABLE training_cash_movement (
    movement_number VARCHAR(40)     NOT NULL PRIMARY KEY,
    register_id     VARCHAR(20)     NOT NULL,
    drawer_id       VARCHAR(20)     NOT NULL,
    kind            VARCHAR(20)     NOT NULL,
    idempotency_key VARCHAR(200)    UNIQUE,
    request_hash    VARCHAR(80),
    document        VARCHAR(100000) NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX training_cash_movement_created ON training_cash_movement (created_at);
