-- Drawer close with a blind count, non-cash tender postings, business days and Z reports.

ALTER TABLE drawer_posting ADD COLUMN tender VARCHAR(20) DEFAULT 'CASH' NOT NULL;

ALTER TABLE drawer_session ADD COLUMN closed_by VARCHAR(64);
ALTER TABLE drawer_session ADD COLUMN closed_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE drawer_session ADD COLUMN counted_cash NUMERIC(19, 4);
ALTER TABLE drawer_session ADD COLUMN counted_counts VARCHAR(2000);
ALTER TABLE drawer_session ADD COLUMN closing_expected NUMERIC(19, 4);
ALTER TABLE drawer_session ADD COLUMN variance NUMERIC(19, 4);
ALTER TABLE drawer_session ADD COLUMN result VARCHAR(10);
ALTER TABLE drawer_session ADD COLUMN approved_by VARCHAR(64);
CREATE INDEX drawer_session_by_business_date ON drawer_session (business_date);

CREATE TABLE business_day (
    business_date  DATE        NOT NULL PRIMARY KEY,
    status         VARCHAR(10) NOT NULL,
    closed_at      TIMESTAMP WITH TIME ZONE,
    closed_by      VARCHAR(64)
);

CREATE TABLE z_report (
    z_number       BIGINT           NOT NULL PRIMARY KEY,
    business_date  DATE             NOT NULL,
    closed_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    closed_by      VARCHAR(64)      NOT NULL,
    payload        VARCHAR(1000000) NOT NULL,
    CONSTRAINT z_report_one_per_day UNIQUE (business_date)
);
