-- Running per-day, per-register totals ("totalizers"), kept in the same transaction as each
-- sale, so day reports read a few rows instead of every sale line.
CREATE TABLE day_totalizer (
    business_date  DATE           NOT NULL,
    register_id    VARCHAR(20)    NOT NULL,
    kind           VARCHAR(12)    NOT NULL,
    tkey           VARCHAR(40)    NOT NULL,
    amount1        NUMERIC(19, 4) NOT NULL,
    amount2        NUMERIC(19, 4) NOT NULL,
    amount3        NUMERIC(19, 4) NOT NULL,
    cnt            BIGINT         NOT NULL,
    PRIMARY KEY (business_date, register_id, kind, tkey)
);
