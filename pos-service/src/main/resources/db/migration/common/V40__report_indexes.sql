-- Store reports (report module): indexes for the read-only queries behind daily and range reports.
-- Sales per clerk over business days, answered from the index alone:
CREATE INDEX sale_by_date_clerk ON sale (business_date, clerk, total);
-- Cash movements (paid-in/out, safe drops, pick-ups) of drawer sessions, without reading their sale postings:
CREATE INDEX drawer_posting_by_type ON drawer_posting (type, session_id);
-- No-sale opens of drawer sessions, from the journal:
CREATE INDEX journal_entry_by_type ON journal_entry (type, reference);
