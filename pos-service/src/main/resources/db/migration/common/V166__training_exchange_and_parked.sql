-- Training mode (ADR 0005, issue 24): exchanges and parked baskets in training.
-- An exchange in training stores its training return and sale in training_return/training_sale (so they read
-- back and print as any training document) and the exchange as answered here, under the clerk's key.
CREATE TABLE training_exchange (
    return_number   VARCHAR(40)     NOT NULL PRIMARY KEY,
    receipt_number  VARCHAR(40)     NOT NULL,
    sale_number     VARCHAR(40)     NOT NULL,
    register_id     VARCHAR(20)     NOT NULL,
    idempotency_key VARCHAR(200)    UNIQUE,
    request_hash    VARCHAR(80),
    document        VARCHAR(100000) NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX training_exchange_created ON training_exchange (created_at);
-- A basket parked in training is listed and resumed only in training (and a real one only outside it);
-- it is numbered TRN-<register>-P<seq> from the training counter and never journaled.
ALTER TABLE parked_basket ADD COLUMN training BOOLEAN DEFAULT FALSE NOT NULL;
