-- The Z report and day reports sum a business day's returns.
CREATE INDEX sale_return_by_business_date ON sale_return (business_date);
