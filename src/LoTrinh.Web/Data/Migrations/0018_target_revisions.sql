-- "In force" is "not revised by another target" (TargetStatus.InForce). With nothing to find a revision by, PostgreSQL
-- hashed every target of the country (twice: the filter and the page's "superseded" flag) before taking the first 20:
-- 78 ms for home's list of targets at national scale; with this index it probes per row, 0.9 ms (issue 14).
create index if not exists target_revises on target (revises_target_id) where revises_target_id is not null;
