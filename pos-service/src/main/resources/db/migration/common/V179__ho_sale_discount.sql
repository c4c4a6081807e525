-- Head office (issue 24): the price overrides and manual discounts of a received sale (SALE_COMPLETED
-- payload manualDiscounts; absent from older stores: none), one row per sale and reason code: how many
-- were given and the reduction they gave. The detail behind the MD_REASON (key = reason) and MD_CLERK
-- (key = the sale's clerk) figures of ho_day_figure and ho_month_figure, so a rebuild of a day or a
-- post-void arriving after its sale finds them; retention deletes it with the other detail. Not
-- partitioned, as its neighbours ho_sale_exempt and ho_sale_gift_card. Portable SQL (H2 and PostgreSQL).
CREATE TABLE ho_sale_discount (
    store_id       VARCHAR(32)    NOT NULL,
    receipt_number VARCHAR(200)   NOT NULL,
    business_date  DATE           NOT NULL,
    reason         VARCHAR(200)   NOT NULL,
    discounts      INT            NOT NULL,
    amount         NUMERIC(19, 4) NOT NULL,
    PRIMARY KEY (store_id, receipt_number, reason)
);
CREATE INDEX ho_sale_discount_day ON ho_sale_discount (business_date, store_id);
