-- Proposal codes follow the plan's pattern: <plan code>-PRO-MIN-<number>; the number comes from one
-- sequence shared by every app instance, so two partners creating at once never get the same code.
CREATE SEQUENCE proposal_code_seq START 300000;

ALTER TABLE proposal_transition ADD CONSTRAINT proposal_transition_to_status CHECK (to_status IN ('DRAFT', 'SUBMITTED',
    'UNDER_REVIEW', 'REVISION_REQUESTED', 'APPROVED', 'REJECTED', 'PUBLISHED', 'CLOSED', 'WITHDRAWN', 'DELETED'));

-- A review belongs to one review round: the submission it judged (the transition that opened the review).
ALTER TABLE review ADD COLUMN round smallint NOT NULL DEFAULT 1 CHECK (round >= 1);
ALTER TABLE review ADD CONSTRAINT review_one_per_round UNIQUE (proposal_id, reviewer_id, round);

-- Lists and queues read proposals by status and recency.
CREATE INDEX proposal_updated_idx ON proposal (updated_at DESC) WHERE deleted_at IS NULL;
CREATE INDEX funding_flow_source_idx ON funding_flow (source_organisation_id);
CREATE INDEX funding_flow_destination_idx ON funding_flow (destination_organisation_id);
