-- Long exports in the background (issue 18): a list too long to write while a request waits is queued, written by
-- a worker in the requester's scope with its progress here, kept for download for some days, then removed. The
-- database is the queue (any instance may write a job; one left by a stopped instance is taken up when its lease
-- runs out) and the store (any instance serves the file).
create table export_job (
  id uuid primary key,
  kind text not null check (kind in ('tasks')),
  parameters jsonb not null,
  format text not null check (format in ('csv', 'xlsx')),
  file_name text not null check (length(file_name) between 1 and 200),
  -- Whose scope the rows are read in: the person who asked, as they were when they asked.
  user_id bigint not null references app_user (id) on delete cascade,
  user_name text not null,
  role text not null,
  agency_id bigint,
  unit_id bigint,
  state text not null default 'queued' check (state in ('queued', 'running', 'done', 'failed')),
  attempts integer not null default 0,
  rows_done integer not null default 0,
  rows_total integer,
  size_bytes bigint,
  problem text,
  lease_until timestamptz,
  created_at timestamptz not null default now(),
  finished_at timestamptz,
  expires_at timestamptz
);
create index export_job_waiting on export_job (created_at) where state in ('queued', 'running');
create index export_job_by_user on export_job (user_id, created_at desc);

create table export_file (
  job_id uuid primary key references export_job (id) on delete cascade,
  content bytea not null
);
