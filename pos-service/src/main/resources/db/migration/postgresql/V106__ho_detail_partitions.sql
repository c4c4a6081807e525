-- Head office (issue 25): the big detail tables (ho_sale, ho_sale_line, ho_sale_tender) become
-- declaratively partitioned by business date, one range partition per month plus a default one,
-- so that retention drops whole months (HeadOfficePartitions) and a day's rows sit together.
-- The lines and tenders get their sale's business date. Primary keys now include the business
-- date (a partitioned table's unique keys must hold the partition key); a store's document is still
-- projected once, checked under the store's row lock (ProjectionWriter), and a resent document
-- carries the same business date. H2 keeps plain tables (h2/V106).

-- Makes the month partition of day's month for parent (named parent_YYYY_MM) unless there is one,
-- moving the rows of that month the default partition holds into it. Used here and by the
-- head-office job that creates the months ahead (once per cluster). Answers whether it made one.
CREATE FUNCTION ho_ensure_month(parent TEXT, day DATE) RETURNS BOOLEAN LANGUAGE plpgsql AS $$
DECLARE
    first DATE := date_trunc('month', day)::date;
    next  DATE := (date_trunc('month', day) + INTERVAL '1 month')::date;
    part  TEXT := parent || '_' || to_char(first, 'YYYY_MM');
BEGIN
    IF to_regclass(part) IS NOT NULL THEN
        RETURN FALSE;
    END IF;
    EXECUTE format('CREATE TABLE %I (LIKE %I INCLUDING DEFAULTS)', part, parent);
    EXECUTE format('WITH moved AS (DELETE FROM %I WHERE business_date >= %L AND business_date < %L RETURNING *) '
            || 'INSERT INTO %I SELECT * FROM moved', parent || '_default', first, next, part);
    EXECUTE format('ALTER TABLE %I ATTACH PARTITION %I FOR VALUES FROM (%L) TO (%L)', parent, part, first, next);
    RETURN TRUE;
END
$$;

ALTER TABLE ho_sale RENAME TO ho_sale_v51;
ALTER INDEX ho_sale_pkey RENAME TO ho_sale_v51_pkey;
ALTER INDEX ho_sale_day RENAME TO ho_sale_v51_day;
ALTER TABLE ho_sale_line RENAME TO ho_sale_line_v51;
ALTER INDEX ho_sale_line_pkey RENAME TO ho_sale_line_v51_pkey;
ALTER TABLE ho_sale_tender RENAME TO ho_sale_tender_v51;
ALTER INDEX ho_sale_tender_pkey RENAME TO ho_sale_tender_v51_pkey;

CREATE TABLE ho_sale (
    store_id       VARCHAR(32)    NOT NULL,
    receipt_number VARCHAR(200)   NOT NULL,
    business_date  DATE           NOT NULL,
    sale_hour      VARCHAR(2)     NOT NULL,
    register_id    VARCHAR(200),
    clerk          VARCHAR(200),
    currency       VARCHAR(3)     NOT NULL,
    subtotal       NUMERIC(19, 4) NOT NULL,
    discount_total NUMERIC(19, 4) NOT NULL,
    total          NUMERIC(19, 4) NOT NULL,
    tax_total      NUMERIC(19, 4) NOT NULL,
    cash_rounding  NUMERIC(19, 4) NOT NULL,
    loyalty_card   VARCHAR(200),
    PRIMARY KEY (store_id, receipt_number, business_date)
) PARTITION BY RANGE (business_date);
CREATE INDEX ho_sale_day ON ho_sale (business_date, store_id);
CREATE TABLE ho_sale_default PARTITION OF ho_sale DEFAULT;

CREATE TABLE ho_sale_line (
    store_id       VARCHAR(32)    NOT NULL,
    receipt_number VARCHAR(200)   NOT NULL,
    line_no        INTEGER        NOT NULL,
    sku            VARCHAR(200),
    department     VARCHAR(200)   NOT NULL,
    quantity       INTEGER        NOT NULL,
    unit_price     NUMERIC(19, 4),
    discount       NUMERIC(19, 4),
    net            NUMERIC(19, 4) NOT NULL,
    tax            NUMERIC(19, 4) NOT NULL,
    tax_rate       VARCHAR(200)   NOT NULL,
    business_date  DATE           NOT NULL,
    PRIMARY KEY (store_id, receipt_number, line_no, business_date)
) PARTITION BY RANGE (business_date);
CREATE TABLE ho_sale_line_default PARTITION OF ho_sale_line DEFAULT;

CREATE TABLE ho_sale_tender (
    store_id       VARCHAR(32)    NOT NULL,
    receipt_number VARCHAR(200)   NOT NULL,
    tender_no      INTEGER        NOT NULL,
    type           VARCHAR(200)   NOT NULL,
    amount         NUMERIC(19, 4) NOT NULL,
    business_date  DATE           NOT NULL,
    PRIMARY KEY (store_id, receipt_number, tender_no, business_date)
) PARTITION BY RANGE (business_date);
CREATE TABLE ho_sale_tender_default PARTITION OF ho_sale_tender DEFAULT;

-- a partition for every month that has sales, and for this month and the next three
SELECT ho_ensure_month(t.name, m.month)
FROM (VALUES ('ho_sale'), ('ho_sale_line'), ('ho_sale_tender')) AS t (name),
     (SELECT DISTINCT date_trunc('month', business_date)::date AS month FROM ho_sale_v51
      UNION SELECT (date_trunc('month', CURRENT_DATE) + n * INTERVAL '1 month')::date
      FROM generate_series(0, 3) AS n) AS m;

INSERT INTO ho_sale SELECT * FROM ho_sale_v51;
INSERT INTO ho_sale_line (store_id, receipt_number, line_no, sku, department, quantity, unit_price, discount, net,
        tax, tax_rate, business_date)
SELECT l.store_id, l.receipt_number, l.line_no, l.sku, l.department, l.quantity, l.unit_price, l.discount, l.net,
       l.tax, l.tax_rate, s.business_date
FROM ho_sale_line_v51 l JOIN ho_sale_v51 s ON s.store_id = l.store_id AND s.receipt_number = l.receipt_number;
INSERT INTO ho_sale_tender (store_id, receipt_number, tender_no, type, amount, business_date)
SELECT t.store_id, t.receipt_number, t.tender_no, t.type, t.amount, s.business_date
FROM ho_sale_tender_v51 t JOIN ho_sale_v51 s ON s.store_id = t.store_id AND s.receipt_number = t.receipt_number;

DROP TABLE ho_sale_tender_v51;
DROP TABLE ho_sale_line_v51;
DROP TABLE ho_sale_v51;
