-- Several app instances share the imports waiting to be read: a reader holds a file for a while (a lease),
-- so another instance neither reads it at the same time nor leaves it unread when the first one stops.
alter table document_import add column reading_until timestamptz;

-- Bulk figures show their progress while the request runs; any instance may answer the page that asks,
-- so the progress is kept here (written outside the import's own transaction), with the outcome.
create table bulk_import (
  id uuid primary key,
  file_name text not null,
  user_id bigint references app_user (id) on delete set null,
  started_by text not null,
  started_at timestamptz not null default now(),
  step text not null,
  percent integer not null default 0 check (percent between 0 and 100),
  rows_read integer not null default 0,
  finished_at timestamptz,
  outcome text
);
create index bulk_import_user on bulk_import (user_id, started_at desc);

-- The dashboard's overdue and due-soon lists walk the open tasks in deadline order and stop at the page.
create index task_item_due_by_id on task_item (due_on, id) where deleted_at is null and due_on is not null;
