-- Imports can add locations to appeal proposals: each row names a proposal by its code and gives a place
-- (a P-code, or a point or shape whose admin-1 area is looked up), as partners keep them in their 5W sheets.
ALTER TABLE import_job DROP CONSTRAINT import_job_target_check;
ALTER TABLE import_job ADD CONSTRAINT import_job_target_check
    CHECK (target IN ('HAZARDS', 'CASUALTIES', 'ADMIN_AREAS', 'PROPOSAL_LOCATIONS'));
