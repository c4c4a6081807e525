-- Price overrides and manual discounts of a sale (issue 24), in the order applied: kind OVERRIDE, LINE
-- or TRANSACTION (line_no 0), the reason code, the percent asked for (null for an amount or an
-- override), the reduction given, an override's catalogue unit price, and the approving manager.
CREATE TABLE sale_discount (
    receipt_number  VARCHAR(40)    NOT NULL REFERENCES sale (receipt_number),
    seq             INT            NOT NULL,
    kind            VARCHAR(20)    NOT NULL,
    line_no         INT            NOT NULL,
    reason          VARCHAR(40)    NOT NULL,
    percent         NUMERIC(7, 4),
    amount          NUMERIC(19, 4) NOT NULL,
    was_price       NUMERIC(19, 4),
    approved_by     VARCHAR(64),
    PRIMARY KEY (receipt_number, seq)
);
CREATE INDEX sale_discount_reason ON sale_discount (reason);
