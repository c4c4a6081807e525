-- Loyalty: accounts (with the last balance snapshot known from head office) and an append-only
-- points ledger; the points a sale earned are kept on the sale. Portable between H2 and PostgreSQL.

ALTER TABLE sale ADD COLUMN points_earned INTEGER DEFAULT 0 NOT NULL;

CREATE TABLE loyalty_account (
    card              VARCHAR(40)   NOT NULL PRIMARY KEY,
    customer_id       VARCHAR(40),
    holder_name       VARCHAR(100)  NOT NULL,
    tier              VARCHAR(20),
    -- The balance head office last reported (the sync issue replaces it); local ledger entries
    -- not yet included in it are added on top.
    snapshot_balance  BIGINT        NOT NULL,
    snapshot_at       TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX loyalty_account_by_customer ON loyalty_account (customer_id);

CREATE TABLE loyalty_entry (
    id             UUID          NOT NULL PRIMARY KEY,
    card           VARCHAR(40)   NOT NULL REFERENCES loyalty_account (card),
    type           VARCHAR(20)   NOT NULL,
    -- signed: earn and give-back add, redeem, earn reversal and expiry take away
    points         BIGINT        NOT NULL,
    -- money value: of the redemption (REDEEM, REDEEM_RETURNED) or of the eligible net covered (EARN, EARN_REVERSED)
    amount         NUMERIC(19, 4),
    currency       CHAR(3),
    receipt_number VARCHAR(40),
    document       VARCHAR(40)   NOT NULL,
    -- for REDEEM_RETURNED: the redemption given back
    redemption_id  UUID,
    occurred_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    -- for EARN and EARN_REVERSED: when the points earned expire
    expires_at     TIMESTAMP WITH TIME ZONE,
    actor          VARCHAR(64)   NOT NULL,
    -- set once the entry is part of head office's balance snapshot (sync issue); until then it counts locally
    in_snapshot    BOOLEAN       DEFAULT FALSE NOT NULL,
    synced_at      TIMESTAMP WITH TIME ZONE
);
CREATE INDEX loyalty_entry_by_card ON loyalty_entry (card, occurred_at);
CREATE INDEX loyalty_entry_by_receipt ON loyalty_entry (receipt_number);
CREATE INDEX loyalty_entry_expiring ON loyalty_entry (expires_at);
