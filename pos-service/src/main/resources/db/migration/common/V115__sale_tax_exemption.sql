-- Tax-exempt sales (issue 24): why the sale was sold without tax (pos.tax-exemptions reason code),
-- the customer's document or VAT id, the approving manager and the tax the lines would have held.
-- All NULL for an ordinary sale; all set for an exempt one.
ALTER TABLE sale ADD COLUMN tax_exempt_reason VARCHAR(40);
ALTER TABLE sale ADD COLUMN tax_exempt_document VARCHAR(40);
ALTER TABLE sale ADD COLUMN tax_exempt_approved_by VARCHAR(64);
ALTER TABLE sale ADD COLUMN tax_not_charged NUMERIC(19, 4);
ALTER TABLE sale ADD CONSTRAINT sale_tax_exempt_whole CHECK (
    (tax_exempt_reason IS NULL AND tax_exempt_document IS NULL AND tax_exempt_approved_by IS NULL AND tax_not_charged IS NULL)
    OR (tax_exempt_reason IS NOT NULL AND tax_exempt_document IS NOT NULL AND tax_exempt_approved_by IS NOT NULL
        AND tax_not_charged IS NOT NULL));
