-- The dashboard's tallies at national scale (issue 14): every figure is a count of the tasks by their status as of a
-- date, and the status reads five columns only. An index holding those five lets PostgreSQL count from the index
-- (an index-only scan of ~1,200 pages for 200,000 tasks instead of the table's ~8,200).
--
-- A recurring deadline ("hằng quý", "định kỳ") is one that was written: a recurring precision without its text was
-- never meant (the status rules read such a task as having no deadline, as Core does). Saying so in a constraint
-- lets the status be read from the precision alone, which the index holds; the text does not fit in an index.
update task_item set deadline_precision = 'none' where deadline_precision = 'recurring' and deadline_text is null;
alter table task_item add constraint task_item_recurring_is_written check (deadline_precision <> 'recurring' or deadline_text is not null);
create index task_item_tally on task_item (directive_id, lead_agency_id, due_rolled_on, completed_on, deadline_precision) where deleted_at is null;
