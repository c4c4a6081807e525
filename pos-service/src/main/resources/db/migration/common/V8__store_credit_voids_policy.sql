-- Store credit (a ledger per code; the balance is the sum of its entries), post-voids of sales,
-- non-receipted returns and exchanges. Portable between H2 and PostgreSQL.

CREATE TABLE store_credit (
    code        VARCHAR(24)    NOT NULL PRIMARY KEY,
    currency    CHAR(3)        NOT NULL,
    source      VARCHAR(20)    NOT NULL,
    document    VARCHAR(40)    NOT NULL,
    issued_by   VARCHAR(64)    NOT NULL,
    issued_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    issued      NUMERIC(19, 4) NOT NULL,
    balance     NUMERIC(19, 4) NOT NULL,
    CONSTRAINT store_credit_balance_not_negative CHECK (balance >= 0)
);

CREATE TABLE store_credit_entry (
    code        VARCHAR(24)    NOT NULL REFERENCES store_credit (code),
    entry_no    INT            NOT NULL,
    kind        VARCHAR(20)    NOT NULL,
    amount      NUMERIC(19, 4) NOT NULL,
    document    VARCHAR(40)    NOT NULL,
    actor       VARCHAR(64)    NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (code, entry_no)
);

CREATE TABLE sale_void (
    receipt_number  VARCHAR(40)    NOT NULL PRIMARY KEY,
    business_date   DATE           NOT NULL,
    register_id     VARCHAR(20)    NOT NULL,
    voided_by       VARCHAR(64)    NOT NULL,
    approved_by     VARCHAR(64)    NOT NULL,
    reason          VARCHAR(200)   NOT NULL,
    voided_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    total           NUMERIC(19, 4) NOT NULL,
    cash_back       NUMERIC(19, 4) NOT NULL
);
CREATE INDEX sale_void_by_business_date ON sale_void (business_date);

ALTER TABLE sale_return ALTER COLUMN receipt_number DROP NOT NULL;
ALTER TABLE sale_return ADD COLUMN customer_ref VARCHAR(64);
ALTER TABLE sale_return ADD COLUMN exchange_receipt VARCHAR(40);
CREATE INDEX sale_return_by_customer ON sale_return (customer_ref, business_date);
ALTER TABLE sale_return_refund ADD COLUMN store_credit_code VARCHAR(24);
CREATE INDEX sale_line_by_sku ON sale_line (sku);
