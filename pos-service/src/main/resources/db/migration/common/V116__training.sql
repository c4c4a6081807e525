-- Training mode (ADR 0005): users and registers in training, and the training till's own documents.
-- Nothing else reads these tables; no sale, drawer, journal, loyalty, report or sync code writes here.
CREATE TABLE training_subject (
    kind        VARCHAR(10)  NOT NULL,
    subject_id  VARCHAR(64)  NOT NULL,
    started_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    started_by  VARCHAR(64)  NOT NULL,
    PRIMARY KEY (kind, subject_id)
);
CREATE TABLE training_counter (
    register_id VARCHAR(20)  NOT NULL PRIMARY KEY,
    next_value  BIGINT       NOT NULL
);
CREATE TABLE training_sale (
    receipt_number  VARCHAR(40)     NOT NULL PRIMARY KEY,
    register_id     VARCHAR(20)     NOT NULL,
    idempotency_key VARCHAR(200)    UNIQUE,
    document        VARCHAR(100000) NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE TABLE training_return (
    return_number   VARCHAR(40)     NOT NULL PRIMARY KEY,
    receipt_number  VARCHAR(40)     NOT NULL,
    register_id     VARCHAR(20)     NOT NULL,
    idempotency_key VARCHAR(200)    UNIQUE,
    document        VARCHAR(100000) NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX training_return_sale ON training_return (receipt_number);
