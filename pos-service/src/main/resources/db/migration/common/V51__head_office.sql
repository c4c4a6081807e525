-- Head office (pos.role=head-office): what stores send, kept once per (store, event id), the
-- projections the consolidated report reads, and the authoritative loyalty accounts.
-- Portable SQL (H2 and PostgreSQL); in a store these tables stay empty.

-- One row per store: locked (SELECT ... FOR UPDATE) while a batch of that store is applied.
CREATE TABLE ho_store (
    store_id      VARCHAR(32) PRIMARY KEY,
    currency      VARCHAR(3),
    events        BIGINT      NOT NULL,
    last_batch_at TIMESTAMP WITH TIME ZONE
);

CREATE TABLE ho_event (
    store_id    VARCHAR(32)      NOT NULL,
    event_id    VARCHAR(64)      NOT NULL,
    sequence_no BIGINT,
    type        VARCHAR(40)      NOT NULL,
    occurred_at TIMESTAMP WITH TIME ZONE NOT NULL,
    payload     VARCHAR(1000000) NOT NULL,
    received_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (store_id, event_id)
);

CREATE TABLE ho_sale (
    store_id       VARCHAR(32)    NOT NULL,
    receipt_number VARCHAR(200)   NOT NULL,
    business_date  DATE           NOT NULL,
    sale_hour      VARCHAR(2)     NOT NULL,
    register_id    VARCHAR(200),
    clerk          VARCHAR(200),
    currency       VARCHAR(3)     NOT NULL,
    subtotal       NUMERIC(19, 4) NOT NULL,
    discount_total NUMERIC(19, 4) NOT NULL,
    total          NUMERIC(19, 4) NOT NULL,
    tax_total      NUMERIC(19, 4) NOT NULL,
    cash_rounding  NUMERIC(19, 4) NOT NULL,
    loyalty_card   VARCHAR(200),
    PRIMARY KEY (store_id, receipt_number)
);
CREATE INDEX ho_sale_day ON ho_sale (business_date, store_id);

CREATE TABLE ho_sale_line (
    store_id       VARCHAR(32)    NOT NULL,
    receipt_number VARCHAR(200)   NOT NULL,
    line_no        INTEGER        NOT NULL,
    sku            VARCHAR(200),
    department     VARCHAR(200)   NOT NULL,
    quantity       INTEGER        NOT NULL,
    unit_price     NUMERIC(19, 4),
    discount       NUMERIC(19, 4),
    net            NUMERIC(19, 4) NOT NULL,
    tax            NUMERIC(19, 4) NOT NULL,
    tax_rate       VARCHAR(200)   NOT NULL,
    PRIMARY KEY (store_id, receipt_number, line_no)
);

CREATE TABLE ho_sale_tender (
    store_id       VARCHAR(32)    NOT NULL,
    receipt_number VARCHAR(200)   NOT NULL,
    tender_no      INTEGER        NOT NULL,
    type           VARCHAR(200)   NOT NULL,
    amount         NUMERIC(19, 4) NOT NULL,
    PRIMARY KEY (store_id, receipt_number, tender_no)
);

-- A post-void takes its sale out of every sales figure (the sale row stays, as received).
CREATE TABLE ho_void (
    store_id       VARCHAR(32)    NOT NULL,
    receipt_number VARCHAR(200)   NOT NULL,
    business_date  DATE           NOT NULL,
    currency       VARCHAR(3)     NOT NULL,
    total          NUMERIC(19, 4) NOT NULL,
    voided_by      VARCHAR(200),
    PRIMARY KEY (store_id, receipt_number)
);
CREATE INDEX ho_void_day ON ho_void (business_date, store_id);

CREATE TABLE ho_return (
    store_id       VARCHAR(32)    NOT NULL,
    return_number  VARCHAR(200)   NOT NULL,
    receipt_number VARCHAR(200),
    business_date  DATE           NOT NULL,
    currency       VARCHAR(3)     NOT NULL,
    refund_total   NUMERIC(19, 4) NOT NULL,
    cash_rounding  NUMERIC(19, 4) NOT NULL,
    PRIMARY KEY (store_id, return_number)
);
CREATE INDEX ho_return_day ON ho_return (business_date, store_id);

CREATE TABLE ho_return_refund (
    store_id      VARCHAR(32)    NOT NULL,
    return_number VARCHAR(200)   NOT NULL,
    refund_no     INTEGER        NOT NULL,
    type          VARCHAR(200)   NOT NULL,
    amount        NUMERIC(19, 4) NOT NULL,
    PRIMARY KEY (store_id, return_number, refund_no)
);

-- Authoritative loyalty balances: opening balance (seed) plus every applied LOYALTY_ENTRY.
CREATE TABLE ho_loyalty_account (
    card        VARCHAR(200) PRIMARY KEY,
    customer_id VARCHAR(200),
    holder_name VARCHAR(200),
    tier        VARCHAR(200),
    balance     BIGINT       NOT NULL,
    version     BIGINT       NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ho_loyalty_account_version ON ho_loyalty_account (version);

CREATE TABLE ho_loyalty_entry (
    entry_id   VARCHAR(200) PRIMARY KEY,
    store_id   VARCHAR(32)  NOT NULL,
    card       VARCHAR(200) NOT NULL,
    entry_type VARCHAR(200) NOT NULL,
    points     BIGINT       NOT NULL,
    applied_at TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Global counters (locked with SELECT ... FOR UPDATE): 'loyalty' = the last account version given.
CREATE TABLE ho_counter (
    name          VARCHAR(32) PRIMARY KEY,
    counter_value BIGINT      NOT NULL
);
INSERT INTO ho_counter (name, counter_value) VALUES ('loyalty', 0);
