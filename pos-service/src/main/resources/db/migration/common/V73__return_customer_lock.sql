-- Issue 22, finding 10: one row per customer (a sale's loyalty card) that returns lock
-- (lock 5 of docs/locking.md) while they check the customer's cash refunds over the window.
CREATE TABLE return_customer (
    customer_ref  VARCHAR(64) NOT NULL PRIMARY KEY
);
