-- Store reports: per-clerk sales of closed business days, stored when the Z report closes the day.
-- A closed day takes no more sales or post-voids, so these figures never change; ranges over past
-- days read them instead of every sale. Days closed before this table existed are simply absent
-- from report_day_sealed and are read from the sales as before.
CREATE TABLE report_day_sealed (
    business_date  DATE NOT NULL PRIMARY KEY,
    sealed_at      TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE report_clerk_day (
    business_date  DATE           NOT NULL REFERENCES report_day_sealed (business_date),
    clerk          VARCHAR(64)    NOT NULL,
    sales_count    BIGINT         NOT NULL,
    sales_total    NUMERIC(19, 4) NOT NULL,
    PRIMARY KEY (business_date, clerk)
);
