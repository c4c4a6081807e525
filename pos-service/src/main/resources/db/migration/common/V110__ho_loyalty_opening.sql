-- Head-office points expiry (issue 25): the opening lot of each card, the balance the loyalty seed
-- gave it and the date of that balance (the seed file's snapshotAt), due pos.loyalty.expiry-months
-- after it. Head office expires what is left of it then (less what redemptions spent of it, oldest
-- first), once: settled_at and expired_points are written in the transaction that posts the EXPIRE
-- entry. Portable SQL; in a store this table stays empty.
CREATE TABLE ho_loyalty_opening (
    card           VARCHAR(200)             NOT NULL PRIMARY KEY,
    points         BIGINT                   NOT NULL,
    dated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    settled_at     TIMESTAMP WITH TIME ZONE,
    expired_points BIGINT
);
CREATE INDEX ho_loyalty_opening_due ON ho_loyalty_opening (settled_at, expires_at);
