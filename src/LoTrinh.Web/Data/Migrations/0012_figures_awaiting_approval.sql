-- A figure an agency enters itself waits for the secretariat before the public sees it (issue 16: "the public sees
-- approved measurements only"); figures the secretariat enters, imports or approves through a report are approved.
-- Figures already on file were entered before approval existed and count as approved (a constant default: no rewrite
-- of the country's five million rows).
alter table measurement add column awaiting_approval boolean not null default false;
create index measurement_awaiting on measurement (indicator_id) where awaiting_approval and deleted_at is null;
