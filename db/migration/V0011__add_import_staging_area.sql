-- The area on the spheroid is computed while validating (in parallel slices) instead of in the commit's
-- single transaction.
ALTER TABLE import_staging ADD COLUMN area_m2 numeric(16, 1);
