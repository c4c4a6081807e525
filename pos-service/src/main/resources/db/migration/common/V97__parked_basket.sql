-- Baskets parked at a till (suspend/resume): kept on the server, listed per store, resumable at any
-- register once; expired when their business day closes.
CREATE TABLE parked_basket (
    id                UUID           NOT NULL PRIMARY KEY,
    basket_number     VARCHAR(40)    NOT NULL UNIQUE,
    business_date     DATE           NOT NULL,
    register_id       VARCHAR(20)    NOT NULL,
    drawer_id         VARCHAR(20)    NOT NULL,
    parked_by         VARCHAR(64)    NOT NULL,
    parked_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    note              VARCHAR(200),
    basket            VARCHAR(100000) NOT NULL,
    line_count        INT            NOT NULL,
    total             NUMERIC(19, 4) NOT NULL,
    currency          VARCHAR(3)     NOT NULL,
    status            VARCHAR(10)    NOT NULL,
    resolved_by       VARCHAR(64),
    resolved_at       TIMESTAMP WITH TIME ZONE,
    resolved_register VARCHAR(20)
);
CREATE INDEX parked_basket_open ON parked_basket (status, business_date);
