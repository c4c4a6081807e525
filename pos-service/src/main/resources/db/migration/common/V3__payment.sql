-- Card payments: STAN sequences, card transactions and the store-and-forward reversal queue.
-- No column ever holds a full card number, track data or CVV: only the masked PAN (first 6 +
-- last 4), brand, authorisation code, RRN and our reference. Portable between H2 and PostgreSQL.

-- One system trace audit number sequence (field 11) per card terminal.
CREATE TABLE payment_stan (
    terminal_id  VARCHAR(8) NOT NULL PRIMARY KEY,
    last_stan    INT        NOT NULL
);

-- Every purchase and refund sent to the acquirer. A row is written as REQUESTED before the
-- request goes out, so a crash mid-request is found and reversed at the next start.
-- status: REQUESTED, APPROVED, DECLINED, REVERSED (a reversal is queued; see payment_reversal).
CREATE TABLE card_transaction (
    reference           VARCHAR(36)    NOT NULL PRIMARY KEY,
    kind                VARCHAR(10)    NOT NULL,
    status              VARCHAR(10)    NOT NULL,
    register_id         VARCHAR(20)    NOT NULL,
    terminal_id         VARCHAR(8)     NOT NULL,
    merchant_id         VARCHAR(15)    NOT NULL,
    mti                 CHAR(4)        NOT NULL,
    processing_code     CHAR(6)        NOT NULL,
    stan                CHAR(6)        NOT NULL,
    transmitted         CHAR(10)       NOT NULL,
    amount              NUMERIC(19, 4) NOT NULL,
    currency            CHAR(3)        NOT NULL,
    refunded_amount     NUMERIC(19, 4) DEFAULT 0 NOT NULL,
    masked_pan          VARCHAR(19),
    brand               VARCHAR(20),
    entry_mode          CHAR(3),
    auth_code           VARCHAR(6),
    rrn                 VARCHAR(12),
    response_code       CHAR(2),
    original_reference  VARCHAR(36) REFERENCES card_transaction (reference),
    business_reference  VARCHAR(64),
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT card_transaction_kind CHECK (kind IN ('PURCHASE', 'REFUND')),
    CONSTRAINT card_transaction_status CHECK (status IN ('REQUESTED', 'APPROVED', 'DECLINED', 'REVERSED')),
    CONSTRAINT card_transaction_amount_positive CHECK (amount > 0),
    CONSTRAINT card_transaction_refund_within_amount CHECK (refunded_amount >= 0 AND refunded_amount <= amount)
);
CREATE INDEX card_transaction_by_status ON card_transaction (status);
CREATE INDEX card_transaction_by_original ON card_transaction (original_reference);

-- Store-and-forward reversals. Self-contained: everything the 0400/0401 needs (original MTI,
-- STAN, field 7, amount, terminal) is here, so a reversal survives a restart with no card data.
-- status: PENDING (not yet on the wire), SENT (sent, no 0410 yet), ACKNOWLEDGED (0410 received).
CREATE TABLE payment_reversal (
    id                    UUID           NOT NULL PRIMARY KEY,
    transaction_ref       VARCHAR(36)    NOT NULL REFERENCES card_transaction (reference),
    status                VARCHAR(12)    NOT NULL,
    reason                VARCHAR(200)   NOT NULL,
    register_id           VARCHAR(20)    NOT NULL,
    terminal_id           VARCHAR(8)     NOT NULL,
    merchant_id           VARCHAR(15)    NOT NULL,
    processing_code       CHAR(6)        NOT NULL,
    amount                NUMERIC(19, 4) NOT NULL,
    currency              CHAR(3)        NOT NULL,
    stan                  CHAR(6)        NOT NULL,
    original_mti          CHAR(4)        NOT NULL,
    original_stan         CHAR(6)        NOT NULL,
    original_transmitted  CHAR(10)       NOT NULL,
    rrn                   VARCHAR(12),
    attempts              INT            DEFAULT 0 NOT NULL,
    next_attempt_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    last_attempt_at       TIMESTAMP WITH TIME ZONE,
    response_code         CHAR(2),
    created_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    acknowledged_at       TIMESTAMP WITH TIME ZONE,
    CONSTRAINT payment_reversal_status CHECK (status IN ('PENDING', 'SENT', 'ACKNOWLEDGED')),
    CONSTRAINT payment_reversal_one_per_transaction UNIQUE (transaction_ref)
);
CREATE INDEX payment_reversal_due ON payment_reversal (status, next_attempt_at);
