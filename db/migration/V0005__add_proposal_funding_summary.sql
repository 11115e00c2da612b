-- Funding received by each proposal (commitments and paid contributions; pledges are not funding),
-- recomputed for the proposals a statement on funding_flow touched.
CREATE TABLE proposal_funding (
    proposal_id bigint PRIMARY KEY REFERENCES proposal ON DELETE CASCADE,
    funded_usd  numeric(16, 2) NOT NULL
);

CREATE FUNCTION proposal_funding_refresh(ids bigint[]) RETURNS void LANGUAGE sql AS $$
    INSERT INTO proposal_funding AS pf (proposal_id, funded_usd)
    SELECT p.proposal_id, coalesce((SELECT sum(f.amount_usd) FROM funding_flow f
                                    WHERE f.proposal_id = p.proposal_id AND f.status IN ('COMMITMENT', 'PAID')), 0)
    FROM proposal p WHERE p.proposal_id = ANY (ids)
    ON CONFLICT (proposal_id) DO UPDATE SET funded_usd = EXCLUDED.funded_usd
$$;

CREATE FUNCTION funding_flow_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    ids bigint[];
BEGIN
    IF TG_OP = 'INSERT' THEN
        SELECT array_agg(DISTINCT proposal_id) INTO ids FROM new_rows WHERE proposal_id IS NOT NULL;
    ELSIF TG_OP = 'DELETE' THEN
        SELECT array_agg(DISTINCT proposal_id) INTO ids FROM old_rows WHERE proposal_id IS NOT NULL;
    ELSE
        SELECT array_agg(DISTINCT proposal_id) INTO ids
        FROM (SELECT proposal_id FROM new_rows UNION SELECT proposal_id FROM old_rows) changed WHERE proposal_id IS NOT NULL;
    END IF;
    IF ids IS NOT NULL THEN
        PERFORM proposal_funding_refresh(ids);
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER funding_flow_summary_ins AFTER INSERT ON funding_flow REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION funding_flow_changed();
CREATE TRIGGER funding_flow_summary_upd AFTER UPDATE ON funding_flow REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION funding_flow_changed();
CREATE TRIGGER funding_flow_summary_del AFTER DELETE ON funding_flow REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION funding_flow_changed();

SELECT proposal_funding_refresh(array_agg(DISTINCT proposal_id)) FROM funding_flow WHERE proposal_id IS NOT NULL;

-- The dashboards aggregate proposals by plan: a covering index lets them read it instead of the wide
-- proposal rows (footprints), once autovacuum has marked the pages all-visible.
CREATE INDEX proposal_dashboard_idx ON proposal (response_plan_id, status)
    INCLUDE (proposal_id, organisation_id, subcluster_id, requirements_usd, target_girls, target_boys, target_women, target_men,
             target_older_persons, target_pwd, deleted_at);
