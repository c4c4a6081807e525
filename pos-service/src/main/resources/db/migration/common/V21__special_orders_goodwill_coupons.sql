-- Customer (special) orders with their deposit, the arrival e-mail outbox, and the single use of
-- goodwill coupons. Portable between H2 and PostgreSQL.

INSERT INTO case_counter (name, last_value) VALUES ('SPECIAL_ORDER', 0);

CREATE TABLE special_order (
    id                  UUID           NOT NULL PRIMARY KEY,
    order_number        VARCHAR(30)    NOT NULL,
    customer_id         UUID           NOT NULL REFERENCES customer (id),
    status              VARCHAR(20)    NOT NULL,
    currency            VARCHAR(3)     NOT NULL,
    quoted_total        NUMERIC(19, 4) NOT NULL,
    deposit_type        VARCHAR(20)    NOT NULL,
    deposit_amount      NUMERIC(19, 4) NOT NULL,
    deposit_reference   VARCHAR(64),
    deposit_masked_pan  VARCHAR(19),
    deposit_drawer_id   VARCHAR(20)    NOT NULL,
    deposit_register_id VARCHAR(20)    NOT NULL,
    note                VARCHAR(1000),
    ordered_by          VARCHAR(64)    NOT NULL,
    ordered_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    arrived_by          VARCHAR(64),
    arrived_at          TIMESTAMP WITH TIME ZONE,
    picked_up_by        VARCHAR(64),
    picked_up_at        TIMESTAMP WITH TIME ZONE,
    receipt_number      VARCHAR(40),
    cancelled_by        VARCHAR(64),
    cancelled_at        TIMESTAMP WITH TIME ZONE,
    cancel_reason       VARCHAR(1000),
    refund_type         VARCHAR(20),
    refund_reference    VARCHAR(64),
    CONSTRAINT special_order_number_unique UNIQUE (order_number),
    CONSTRAINT special_order_deposit_positive CHECK (deposit_amount > 0)
);
CREATE INDEX special_order_by_customer ON special_order (customer_id);
CREATE INDEX special_order_by_status ON special_order (status);

CREATE TABLE special_order_line (
    order_id    UUID           NOT NULL REFERENCES special_order (id),
    line_no     INT            NOT NULL,
    sku         VARCHAR(40)    NOT NULL,
    name        VARCHAR(200)   NOT NULL,
    quantity    INT            NOT NULL,
    unit_price  NUMERIC(19, 4) NOT NULL,
    PRIMARY KEY (order_id, line_no),
    CONSTRAINT special_order_line_quantity_positive CHECK (quantity > 0)
);

-- Arrival e-mails: stored PENDING with the arrival, sent and retried by a scheduled sender.
CREATE TABLE special_order_email (
    id               UUID          NOT NULL PRIMARY KEY,
    order_id         UUID          NOT NULL REFERENCES special_order (id),
    recipient        VARCHAR(254)  NOT NULL,
    status           VARCHAR(20)   NOT NULL,
    attempts         INT           NOT NULL,
    last_error       VARCHAR(500),
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    next_attempt_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    sent_at          TIMESTAMP WITH TIME ZONE
);
CREATE INDEX special_order_email_due ON special_order_email (status, next_attempt_at);

-- A goodwill coupon is good for one sale: the primary key keeps a second use out, under concurrency too.
CREATE TABLE goodwill_coupon_use (
    code            VARCHAR(40)   NOT NULL PRIMARY KEY,
    receipt_number  VARCHAR(40)   NOT NULL,
    used_at         TIMESTAMP WITH TIME ZONE NOT NULL
);
