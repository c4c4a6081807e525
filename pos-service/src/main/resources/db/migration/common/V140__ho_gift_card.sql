-- Gift cards (issue 26): head office is the authority for every card's balance, a liability across
-- stores. One row per card (locked with SELECT ... FOR UPDATE by every operation on it) and one row
-- per operation, whose primary key (the store's op id) makes each operation happen exactly once.
-- A card row with status NEW holds nothing yet: it is the lock row an activation (or the
-- cancellation of an activation that never arrived) takes before the card exists.
CREATE TABLE ho_gift_card (
    number            VARCHAR(32)              NOT NULL PRIMARY KEY,
    currency          VARCHAR(3)               NOT NULL,
    balance           NUMERIC(19, 4)           NOT NULL,
    status            VARCHAR(16)              NOT NULL,
    activated_at      TIMESTAMP WITH TIME ZONE,
    activated_store   VARCHAR(32),
    last_used_at      TIMESTAMP WITH TIME ZONE,
    offline_allowance NUMERIC(19, 4)           DEFAULT 0 NOT NULL,
    version           BIGINT                   DEFAULT 0 NOT NULL
);

CREATE TABLE ho_gift_card_op (
    op_id         VARCHAR(64)              NOT NULL PRIMARY KEY,
    number        VARCHAR(32)              NOT NULL,
    kind          VARCHAR(16)              NOT NULL,
    amount        NUMERIC(19, 4)           NOT NULL,
    currency      VARCHAR(3)               NOT NULL,
    store_id      VARCHAR(32)              NOT NULL,
    document      VARCHAR(64),
    cancels       VARCHAR(64),
    offline       BOOLEAN                  DEFAULT FALSE NOT NULL,
    occurred_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    balance_after NUMERIC(19, 4)           NOT NULL
);
CREATE INDEX ho_gift_card_op_number ON ho_gift_card_op (number);
CREATE INDEX ho_gift_card_op_time ON ho_gift_card_op (occurred_at);
CREATE UNIQUE INDEX ho_gift_card_op_cancels ON ho_gift_card_op (cancels);
