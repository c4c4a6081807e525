-- Tax exemption of chosen lines (issue 24): which lines of a tax-exempt sale were sold without tax.
-- Until now an exemption always covered the whole sale, so every line of an exempt sale is marked.
ALTER TABLE sale_line ADD COLUMN tax_exempt BOOLEAN DEFAULT FALSE NOT NULL;
UPDATE sale_line SET tax_exempt = TRUE
    WHERE sale_id IN (SELECT id FROM sale WHERE tax_exempt_reason IS NOT NULL);
