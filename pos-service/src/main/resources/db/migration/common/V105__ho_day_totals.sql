-- Head office (issue 25): per store and business day totals, kept at ingest in the batch's own
-- transaction (under the store's row lock), so the consolidated reports read a few rows per store
-- and day instead of scanning the received sales. Derived from the detail tables (ho_sale, ho_void,
-- ho_return ...), which stay as the evidence; filled here from what an existing database holds.
-- Portable SQL (H2 and PostgreSQL).

-- The scalar figures of a store's day (a post-voided sale is in none of the sales figures of its
-- day; voids count on the void's business date, returns on the return's).
CREATE TABLE ho_day_total (
    store_id       VARCHAR(32)    NOT NULL,
    business_date  DATE           NOT NULL,
    currency       VARCHAR(3)     NOT NULL,
    sales_count    BIGINT         NOT NULL,
    gross_sales    NUMERIC(19, 4) NOT NULL,
    discounts      NUMERIC(19, 4) NOT NULL,
    sales_total    NUMERIC(19, 4) NOT NULL,
    tax_total      NUMERIC(19, 4) NOT NULL,
    cash_rounding  NUMERIC(19, 4) NOT NULL,
    void_count     BIGINT         NOT NULL,
    void_amount    NUMERIC(19, 4) NOT NULL,
    returns_count  BIGINT         NOT NULL,
    returns_amount NUMERIC(19, 4) NOT NULL,
    PRIMARY KEY (store_id, business_date)
);
CREATE INDEX ho_day_total_day ON ho_day_total (business_date, store_id);

-- The keyed figures of a store's day: kind RATE (amount = gross, tax), DEPARTMENT, TENDER, HOUR,
-- CLERK (sales totals) and REFUND (refunds by tender); detail_rows = how many detail rows it sums
-- (a figure whose sales were all post-voided is deleted, as a report built from the rows would not show it).
CREATE TABLE ho_day_figure (
    store_id      VARCHAR(32)    NOT NULL,
    business_date DATE           NOT NULL,
    kind          VARCHAR(12)    NOT NULL,
    figure_key    VARCHAR(200)   NOT NULL,
    amount        NUMERIC(19, 4) NOT NULL,
    tax           NUMERIC(19, 4) NOT NULL,
    detail_rows   BIGINT         NOT NULL,
    PRIMARY KEY (store_id, business_date, kind, figure_key)
);
CREATE INDEX ho_day_figure_day ON ho_day_figure (business_date, store_id);

-- A store's Z report (its business day closed) with the counters head office checks its received
-- events against (completeness). Null counters: a Z from a store version that did not send them.
CREATE TABLE ho_day_close (
    store_id       VARCHAR(32)    NOT NULL,
    business_date  DATE           NOT NULL,
    z_number       BIGINT         NOT NULL,
    currency       VARCHAR(3)     NOT NULL,
    closed_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    sales_count    BIGINT         NOT NULL,
    sales_total    NUMERIC(19, 4),
    void_count     BIGINT,
    void_amount    NUMERIC(19, 4),
    returns_count  BIGINT,
    returns_amount NUMERIC(19, 4),
    net_sales      NUMERIC(19, 4) NOT NULL,
    PRIMARY KEY (store_id, business_date)
);
CREATE INDEX ho_day_close_day ON ho_day_close (business_date, store_id);

-- What an existing head office had received, summed once.
INSERT INTO ho_day_total (store_id, business_date, currency, sales_count, gross_sales, discounts, sales_total,
        tax_total, cash_rounding, void_count, void_amount, returns_count, returns_amount)
SELECT k.store_id, k.business_date, COALESCE(s.currency, v.currency, r.currency),
       COALESCE(s.n, 0), COALESCE(s.gross, 0), COALESCE(s.discounts, 0), COALESCE(s.total, 0),
       COALESCE(s.tax, 0), COALESCE(s.rounding, 0), COALESCE(v.n, 0), COALESCE(v.total, 0),
       COALESCE(r.n, 0), COALESCE(r.total, 0)
FROM (SELECT store_id, business_date FROM ho_sale
      UNION SELECT store_id, business_date FROM ho_void
      UNION SELECT store_id, business_date FROM ho_return) k
LEFT JOIN (SELECT s.store_id, s.business_date, MIN(s.currency) AS currency, COUNT(*) AS n,
                  SUM(s.subtotal) AS gross, SUM(s.discount_total) AS discounts, SUM(s.total) AS total,
                  SUM(s.tax_total) AS tax, SUM(s.cash_rounding) AS rounding
           FROM ho_sale s WHERE NOT EXISTS (SELECT 1 FROM ho_void v
                WHERE v.store_id = s.store_id AND v.receipt_number = s.receipt_number)
           GROUP BY s.store_id, s.business_date) s
       ON s.store_id = k.store_id AND s.business_date = k.business_date
LEFT JOIN (SELECT store_id, business_date, MIN(currency) AS currency, COUNT(*) AS n, SUM(total) AS total
           FROM ho_void GROUP BY store_id, business_date) v
       ON v.store_id = k.store_id AND v.business_date = k.business_date
LEFT JOIN (SELECT store_id, business_date, MIN(currency) AS currency, COUNT(*) AS n, SUM(refund_total) AS total
           FROM ho_return GROUP BY store_id, business_date) r
       ON r.store_id = k.store_id AND r.business_date = k.business_date;

INSERT INTO ho_day_figure (store_id, business_date, kind, figure_key, amount, tax, detail_rows)
SELECT s.store_id, s.business_date, 'RATE', l.tax_rate, SUM(l.net), SUM(l.tax), COUNT(*)
FROM ho_sale_line l JOIN ho_sale s ON s.store_id = l.store_id AND s.receipt_number = l.receipt_number
WHERE NOT EXISTS (SELECT 1 FROM ho_void v WHERE v.store_id = s.store_id AND v.receipt_number = s.receipt_number)
GROUP BY s.store_id, s.business_date, l.tax_rate
UNION ALL
SELECT s.store_id, s.business_date, 'DEPARTMENT', l.department, SUM(l.net), 0, COUNT(*)
FROM ho_sale_line l JOIN ho_sale s ON s.store_id = l.store_id AND s.receipt_number = l.receipt_number
WHERE NOT EXISTS (SELECT 1 FROM ho_void v WHERE v.store_id = s.store_id AND v.receipt_number = s.receipt_number)
GROUP BY s.store_id, s.business_date, l.department
UNION ALL
SELECT s.store_id, s.business_date, 'TENDER', t.type, SUM(t.amount), 0, COUNT(*)
FROM ho_sale_tender t JOIN ho_sale s ON s.store_id = t.store_id AND s.receipt_number = t.receipt_number
WHERE NOT EXISTS (SELECT 1 FROM ho_void v WHERE v.store_id = s.store_id AND v.receipt_number = s.receipt_number)
GROUP BY s.store_id, s.business_date, t.type
UNION ALL
SELECT s.store_id, s.business_date, 'HOUR', s.sale_hour, SUM(s.total), 0, COUNT(*)
FROM ho_sale s
WHERE NOT EXISTS (SELECT 1 FROM ho_void v WHERE v.store_id = s.store_id AND v.receipt_number = s.receipt_number)
GROUP BY s.store_id, s.business_date, s.sale_hour
UNION ALL
SELECT s.store_id, s.business_date, 'CLERK', s.clerk, SUM(s.total), 0, COUNT(*)
FROM ho_sale s
WHERE s.clerk IS NOT NULL AND NOT EXISTS (SELECT 1 FROM ho_void v
      WHERE v.store_id = s.store_id AND v.receipt_number = s.receipt_number)
GROUP BY s.store_id, s.business_date, s.clerk
UNION ALL
SELECT r.store_id, r.business_date, 'REFUND', f.type, SUM(f.amount), 0, COUNT(*)
FROM ho_return_refund f JOIN ho_return r ON r.store_id = f.store_id AND r.return_number = f.return_number
GROUP BY r.store_id, r.business_date, f.type;
