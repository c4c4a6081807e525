-- Head office (issue 25): the sale lines and tenders carry their sale's business date, as on
-- PostgreSQL, where the detail tables are partitioned by it (postgresql/V106). H2 keeps plain
-- tables; retention deletes rows there (HeadOfficePartitions).
ALTER TABLE ho_sale_line ADD COLUMN business_date DATE;
UPDATE ho_sale_line l SET business_date = (SELECT s.business_date FROM ho_sale s
    WHERE s.store_id = l.store_id AND s.receipt_number = l.receipt_number);
ALTER TABLE ho_sale_line ALTER COLUMN business_date SET NOT NULL;
CREATE INDEX ho_sale_line_day ON ho_sale_line (business_date, store_id);

ALTER TABLE ho_sale_tender ADD COLUMN business_date DATE;
UPDATE ho_sale_tender t SET business_date = (SELECT s.business_date FROM ho_sale s
    WHERE s.store_id = t.store_id AND s.receipt_number = t.receipt_number);
ALTER TABLE ho_sale_tender ALTER COLUMN business_date SET NOT NULL;
CREATE INDEX ho_sale_tender_day ON ho_sale_tender (business_date, store_id);
