-- The promotions a sale earned, in the order applied, with the discount each gave.
CREATE TABLE sale_promotion (
    receipt_number  VARCHAR(40)    NOT NULL REFERENCES sale (receipt_number),
    seq             INT            NOT NULL,
    code            VARCHAR(40)    NOT NULL,
    description     VARCHAR(200)   NOT NULL,
    amount          NUMERIC(19, 4) NOT NULL,
    PRIMARY KEY (receipt_number, seq)
);
