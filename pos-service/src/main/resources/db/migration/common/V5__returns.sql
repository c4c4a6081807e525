-- Receipted returns: the return document, its lines and the refunds paid out. Portable between H2 and PostgreSQL.

CREATE TABLE sale_return (
    id              UUID           NOT NULL PRIMARY KEY,
    return_number   VARCHAR(40)    NOT NULL,
    receipt_number  VARCHAR(40)    NOT NULL,
    store_id        VARCHAR(20)    NOT NULL,
    register_id     VARCHAR(20)    NOT NULL,
    register_seq    BIGINT         NOT NULL,
    drawer_id       VARCHAR(20)    NOT NULL,
    business_date   DATE           NOT NULL,
    clerk           VARCHAR(64)    NOT NULL,
    approved_by     VARCHAR(64),
    completed_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    currency        CHAR(3)        NOT NULL,
    refund_method   VARCHAR(20)    NOT NULL,
    refund_total    NUMERIC(19, 4) NOT NULL,
    cash_rounding   NUMERIC(19, 4) NOT NULL,
    CONSTRAINT sale_return_number_unique UNIQUE (return_number),
    CONSTRAINT sale_return_register_seq_unique UNIQUE (register_id, register_seq)
);
CREATE INDEX sale_return_by_receipt ON sale_return (receipt_number);

CREATE TABLE sale_return_line (
    return_id  UUID           NOT NULL REFERENCES sale_return (id),
    line_no    INT            NOT NULL,
    sku        VARCHAR(40)    NOT NULL,
    quantity   INT            NOT NULL,
    reason     VARCHAR(30)    NOT NULL,
    restock    BOOLEAN        NOT NULL,
    refund     NUMERIC(19, 4) NOT NULL,
    PRIMARY KEY (return_id, line_no),
    CONSTRAINT sale_return_line_quantity_positive CHECK (quantity > 0)
);

CREATE TABLE sale_return_refund (
    return_id           UUID           NOT NULL REFERENCES sale_return (id),
    refund_no           INT            NOT NULL,
    type                VARCHAR(20)    NOT NULL,
    amount              NUMERIC(19, 4) NOT NULL,
    masked_pan          VARCHAR(19),
    card_reference      VARCHAR(64),
    original_reference  VARCHAR(64),
    PRIMARY KEY (return_id, refund_no)
);
CREATE INDEX sale_return_refund_by_original ON sale_return_refund (original_reference);
