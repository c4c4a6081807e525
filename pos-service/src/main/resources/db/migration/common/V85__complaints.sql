-- Consumer complaints about goods (reklamace): one row per complaint, on a service case; the
-- legal deadline is stored with the complaint (the term of the store's country when it was made).
CREATE TABLE complaint (
    id               UUID          NOT NULL PRIMARY KEY,
    complaint_number VARCHAR(40)   NOT NULL UNIQUE,
    case_id          UUID          NOT NULL REFERENCES service_case (id),
    country          VARCHAR(2)    NOT NULL,
    received_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    received_by      VARCHAR(64)   NOT NULL,
    receipt_number   VARCHAR(40),
    item             VARCHAR(200)  NOT NULL,
    defect           VARCHAR(4000) NOT NULL,
    remedy           VARCHAR(20)   NOT NULL,
    notify_by        VARCHAR(10)   NOT NULL,
    contact          VARCHAR(254),
    settlement_days  INT           NOT NULL,
    due_date         DATE          NOT NULL,
    escalated_at     TIMESTAMP WITH TIME ZONE,
    status           VARCHAR(10)   NOT NULL,
    outcome          VARCHAR(12),
    outcome_note     VARCHAR(2000),
    settled_at       TIMESTAMP WITH TIME ZONE,
    settled_by       VARCHAR(64)
);
CREATE INDEX complaint_by_status_due ON complaint (status, due_date);
CREATE INDEX complaint_by_case ON complaint (case_id);
INSERT INTO case_counter (name, last_value) VALUES ('COMPLAINT', 0);

-- The e-mail outbox sends other documents than sale receipts: which document a row sends.
ALTER TABLE receipt_email ADD COLUMN document VARCHAR(20) DEFAULT 'SALE' NOT NULL;
