-- A4 invoices for business customers: one per sale, numbered with the sale's receipt number
-- (gapless per register); the buyer is kept so that a reprint shows exactly what was issued.
CREATE TABLE sale_invoice (
    receipt_number  VARCHAR(40)  NOT NULL PRIMARY KEY,
    invoice_number  VARCHAR(40)  NOT NULL,
    company_name    VARCHAR(200) NOT NULL,
    vat_id          VARCHAR(20)  NOT NULL,
    address         VARCHAR(400),
    issued_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    issued_by       VARCHAR(64)  NOT NULL,
    CONSTRAINT sale_invoice_number UNIQUE (invoice_number)
);
