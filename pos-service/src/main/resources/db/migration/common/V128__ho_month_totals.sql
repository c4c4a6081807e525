-- Head office (issue 25): per store and calendar month totals, the sums of ho_day_total and
-- ho_day_figure over the month's business days, kept by the same upserts in the batch's own
-- transaction (under the store's row lock) as the day rows. A range report reads whole months
-- from these rows and only the days of partial months from the day rows (docs/head-office.md).
-- month_start is the first day of the month. Filled here once from the day rows an upgraded head
-- office holds. Portable SQL (H2 and PostgreSQL).
CREATE TABLE ho_month_total (
    store_id       VARCHAR(32)    NOT NULL,
    month_start    DATE           NOT NULL,
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
    PRIMARY KEY (store_id, month_start)
);
CREATE INDEX ho_month_total_month ON ho_month_total (month_start, store_id);

-- detail_rows: the day rows' detail_rows summed (a figure whose detail rows were all post-voided
-- is deleted, as its day rows are).
CREATE TABLE ho_month_figure (
    store_id      VARCHAR(32)    NOT NULL,
    month_start   DATE           NOT NULL,
    kind          VARCHAR(12)    NOT NULL,
    figure_key    VARCHAR(200)   NOT NULL,
    amount        NUMERIC(19, 4) NOT NULL,
    tax           NUMERIC(19, 4) NOT NULL,
    detail_rows   BIGINT         NOT NULL,
    PRIMARY KEY (store_id, month_start, kind, figure_key)
);
CREATE INDEX ho_month_figure_month ON ho_month_figure (month_start, store_id);

INSERT INTO ho_month_total (store_id, month_start, currency, sales_count, gross_sales, discounts, sales_total,
        tax_total, cash_rounding, void_count, void_amount, returns_count, returns_amount)
SELECT store_id, CAST(DATE_TRUNC('MONTH', business_date) AS DATE), MIN(currency),
       SUM(sales_count), SUM(gross_sales), SUM(discounts), SUM(sales_total), SUM(tax_total), SUM(cash_rounding),
       SUM(void_count), SUM(void_amount), SUM(returns_count), SUM(returns_amount)
FROM ho_day_total
GROUP BY store_id, CAST(DATE_TRUNC('MONTH', business_date) AS DATE);

INSERT INTO ho_month_figure (store_id, month_start, kind, figure_key, amount, tax, detail_rows)
SELECT store_id, CAST(DATE_TRUNC('MONTH', business_date) AS DATE), kind, figure_key, SUM(amount), SUM(tax),
       SUM(detail_rows)
FROM ho_day_figure
GROUP BY store_id, CAST(DATE_TRUNC('MONTH', business_date) AS DATE), kind, figure_key;
