-- Head office (issue 24): the tax exemption of a received sale (SALE_COMPLETED payload taxExemption):
-- its reason, the exempt lines and their net (what they were sold for, no tax), one row per exempt
-- sale. The detail behind the TAX_EXEMPT figures of ho_day_figure (key = reason), so a rebuild of a
-- day or a post-void arriving after its sale finds them; retention deletes it with the other detail.
-- Portable SQL (H2 and PostgreSQL).
CREATE TABLE ho_sale_exempt (
    store_id       VARCHAR(32)    NOT NULL,
    receipt_number VARCHAR(200)   NOT NULL,
    business_date  DATE           NOT NULL,
    reason         VARCHAR(200)   NOT NULL,
    line_nos       VARCHAR(4000)  NOT NULL,
    net            NUMERIC(19, 4) NOT NULL,
    PRIMARY KEY (store_id, receipt_number)
);
CREATE INDEX ho_sale_exempt_day ON ho_sale_exempt (business_date, store_id);
