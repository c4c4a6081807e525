-- Age-restricted items (issue 24): the minimum age a customer must be to buy the item; NULL = none.
-- A department can be restricted in configuration instead (pos.age-restrictions.departments).
ALTER TABLE item ADD COLUMN min_age INTEGER;
ALTER TABLE item ADD CONSTRAINT item_min_age_range CHECK (min_age IS NULL OR (min_age >= 1 AND min_age <= 99));
