-- Foundation: catalogue, drawers, sales, journal, idempotency. Portable between H2 and PostgreSQL.

CREATE TABLE item (
    sku           VARCHAR(40)    NOT NULL PRIMARY KEY,
    barcode       VARCHAR(14)    NOT NULL,
    name          VARCHAR(200)   NOT NULL,
    department    VARCHAR(40)    NOT NULL,
    price         NUMERIC(19, 4) NOT NULL,
    currency      CHAR(3)        NOT NULL,
    tax_category  VARCHAR(20)    NOT NULL,
    search_text   VARCHAR(500)   NOT NULL,
    active        BOOLEAN        NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT item_barcode_unique UNIQUE (barcode),
    CONSTRAINT item_price_not_negative CHECK (price >= 0)
);

CREATE TABLE drawer_session (
    id             UUID           NOT NULL PRIMARY KEY,
    drawer_id      VARCHAR(20)    NOT NULL,
    register_id    VARCHAR(20)    NOT NULL,
    open_marker    VARCHAR(20),
    status         VARCHAR(10)    NOT NULL,
    currency       CHAR(3)        NOT NULL,
    business_date  DATE           NOT NULL,
    opened_by      VARCHAR(64)    NOT NULL,
    opened_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    opening_float  NUMERIC(19, 4) NOT NULL,
    float_counts   VARCHAR(2000)  NOT NULL,
    expected_cash  NUMERIC(19, 4) NOT NULL,
    posting_count  BIGINT         NOT NULL,
    CONSTRAINT drawer_session_one_open UNIQUE (open_marker)
);
CREATE INDEX drawer_session_by_drawer ON drawer_session (drawer_id, opened_at);

CREATE TABLE drawer_posting (
    id          UUID           NOT NULL PRIMARY KEY,
    session_id  UUID           NOT NULL REFERENCES drawer_session (id),
    drawer_id   VARCHAR(20)    NOT NULL,
    type        VARCHAR(20)    NOT NULL,
    amount      NUMERIC(19, 4) NOT NULL,
    reference   VARCHAR(64),
    reason      VARCHAR(200),
    actor       VARCHAR(64)    NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX drawer_posting_by_session ON drawer_posting (session_id);

CREATE TABLE register_counter (
    register_id  VARCHAR(20) NOT NULL,
    counter      VARCHAR(20) NOT NULL,
    last_value   BIGINT      NOT NULL,
    PRIMARY KEY (register_id, counter)
);

CREATE TABLE sale (
    id              UUID           NOT NULL PRIMARY KEY,
    receipt_number  VARCHAR(40)    NOT NULL,
    store_id        VARCHAR(20)    NOT NULL,
    register_id     VARCHAR(20)    NOT NULL,
    register_seq    BIGINT         NOT NULL,
    drawer_id       VARCHAR(20)    NOT NULL,
    business_date   DATE           NOT NULL,
    clerk           VARCHAR(64)    NOT NULL,
    completed_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    currency        CHAR(3)        NOT NULL,
    subtotal        NUMERIC(19, 4) NOT NULL,
    discount_total  NUMERIC(19, 4) NOT NULL,
    tax_total       NUMERIC(19, 4) NOT NULL,
    total           NUMERIC(19, 4) NOT NULL,
    cash_rounding   NUMERIC(19, 4) NOT NULL,
    change_given    NUMERIC(19, 4) NOT NULL,
    loyalty_card    VARCHAR(40),
    CONSTRAINT sale_receipt_unique UNIQUE (receipt_number),
    CONSTRAINT sale_register_seq_unique UNIQUE (register_id, register_seq)
);
CREATE INDEX sale_by_business_date ON sale (business_date, completed_at);

CREATE TABLE sale_line (
    sale_id            UUID           NOT NULL REFERENCES sale (id),
    line_no            INT            NOT NULL,
    sku                VARCHAR(40)    NOT NULL,
    name               VARCHAR(200)   NOT NULL,
    department         VARCHAR(40)    NOT NULL,
    quantity           INT            NOT NULL,
    unit_price         NUMERIC(19, 4) NOT NULL,
    line_value         NUMERIC(19, 4) NOT NULL,
    discount           NUMERIC(19, 4) NOT NULL,
    net                NUMERIC(19, 4) NOT NULL,
    tax                NUMERIC(19, 4) NOT NULL,
    tax_rate           NUMERIC(7, 4)  NOT NULL,
    tax_letter         VARCHAR(4)     NOT NULL,
    returned_quantity  INT            DEFAULT 0 NOT NULL,
    PRIMARY KEY (sale_id, line_no),
    CONSTRAINT sale_line_quantity_positive CHECK (quantity > 0),
    CONSTRAINT sale_line_returned_within_sold CHECK (returned_quantity >= 0 AND returned_quantity <= quantity)
);

CREATE TABLE sale_tender (
    sale_id     UUID           NOT NULL REFERENCES sale (id),
    tender_no   INT            NOT NULL,
    type        VARCHAR(20)    NOT NULL,
    amount      NUMERIC(19, 4) NOT NULL,
    tendered    NUMERIC(19, 4),
    reference   VARCHAR(64),
    masked_pan  VARCHAR(19),
    brand       VARCHAR(20),
    auth_code   VARCHAR(12),
    rrn         VARCHAR(12),
    PRIMARY KEY (sale_id, tender_no)
);

CREATE TABLE journal_chain (
    chain      VARCHAR(40) NOT NULL PRIMARY KEY,
    last_seq   BIGINT      NOT NULL,
    last_hash  CHAR(64)    NOT NULL
);

CREATE TABLE journal_entry (
    chain        VARCHAR(40)      NOT NULL,
    seq          BIGINT           NOT NULL,
    type         VARCHAR(60)      NOT NULL,
    occurred_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    actor        VARCHAR(64)      NOT NULL,
    reference    VARCHAR(64),
    payload      VARCHAR(1000000) NOT NULL,
    prev_hash    CHAR(64)         NOT NULL,
    hash         CHAR(64)         NOT NULL,
    PRIMARY KEY (chain, seq)
);

CREATE TABLE idempotency_record (
    scope          VARCHAR(40)      NOT NULL,
    idem_key       VARCHAR(100)     NOT NULL,
    request_hash   CHAR(64)         NOT NULL,
    response_body  VARCHAR(1000000) NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (scope, idem_key)
);
