-- Store reports read no-sale opens from the journal by type and drawer session, and sum sales
-- per clerk by business day; these indexes keep both to an index range per report.
CREATE INDEX journal_entry_by_type ON journal_entry (type, reference);
CREATE INDEX sale_by_date_clerk ON sale (business_date, clerk);
