-- The reporting cycle (issue 16): working-day calendars, reporting regimes (chế độ báo cáo), their periods, and
-- one report per agency per period, from draft to approval and lock.

-- A year's days off and make-up working days as an administrator entered them; a year not here is the one shipped
-- with LoTrinh (as announced) or, failing that, pre-filled from the Labour Code and marked provisional.
create table calendar_year (
  year integer primary key check (year between 1990 and 2200),
  source text not null check (length(source) between 1 and 1000),
  provisional boolean not null default false,
  updated_by bigint references app_user (id) on delete set null,
  updated_at timestamptz not null default now()
);

create table calendar_day (
  day date primary key,
  year integer not null references calendar_year (year) on delete cascade,
  kind text not null check (kind in ('day_off', 'working_day')),
  note text not null check (length(note) between 1 and 300),
  check (extract(year from day) = year),
  -- A make-up working day is a weekend day; a day off listed is a weekday (weekends are off anyway).
  check ((kind = 'working_day') = (extract(isodow from day) in (6, 7)))
);

create table reporting_regime (
  id bigint generated always as identity primary key,
  name text not null check (length(name) between 1 and 500),
  kind text not null check (kind in ('periodic', 'thematic', 'ad_hoc')),
  frequency text check (frequency in ('month', 'quarter', 'half_year', 'nine_months', 'year')),
  cut_off text not null check (cut_off in ('decree09', 'calendar')),
  deadline_rule text not null check (deadline_rule in ('day_of_last_month', 'working_days_after_cut_off')),
  deadline_value integer not null check (deadline_value between 1 and 60),
  directive_id bigint not null references directive (id),
  recipient text not null check (length(recipient) between 1 and 300),
  in_force_from date not null,
  created_by bigint references app_user (id) on delete set null,
  created_at timestamptz not null default now(),
  deleted_at timestamptz,
  check ((kind = 'periodic') = (frequency is not null))
);

-- A period of a regime. Periodic ones are opened by LoTrinh itself when their window starts, by any instance:
-- the unique key makes opening twice a no-op.
create table reporting_period (
  id bigint generated always as identity primary key,
  regime_id bigint not null references reporting_regime (id),
  label text not null,
  year integer,
  number integer,
  window_from date not null,
  window_to date not null,
  due_on date not null,
  opened_at timestamptz not null default now(),
  closed_at timestamptz,
  closed_by bigint references app_user (id) on delete set null,
  unique (regime_id, year, number),
  check (window_from <= window_to),
  check (due_on > window_to)
);

create table agency_report (
  id bigint generated always as identity primary key,
  period_id bigint not null references reporting_period (id),
  agency_id bigint not null references agency (id),
  state text not null default 'draft' check (state in ('draft', 'submitted', 'approved')),
  -- The agency's general account of the period (tình hình chung), besides each task's line.
  summary text check (length(summary) <= 20000),
  submitted_at timestamptz,
  submitted_by bigint references app_user (id) on delete set null,
  working_days_late integer check (working_days_late >= 0),
  times_returned integer not null default 0,
  approved_at timestamptz,
  approved_by bigint references app_user (id) on delete set null,
  saved_at timestamptz,
  unique (period_id, agency_id)
);
create index agency_report_agency on agency_report (agency_id, period_id);

-- One task's line: what the agency says of it for the period.
create table agency_report_line (
  report_id bigint not null references agency_report (id) on delete cascade,
  task_id bigint not null references task_item (id),
  role text not null,
  claimed text not null default 'in_progress' check (claimed in ('not_started', 'in_progress', 'completed')),
  percent integer check (percent between 0 and 100),
  completed_on date,
  progress text check (length(progress) <= 10000),
  difficulties text check (length(difficulties) <= 10000),
  proposals text check (length(proposals) <= 10000),
  primary key (report_id, task_id)
);
create index agency_report_line_task on agency_report_line (task_id);

-- What was done to a report, by whom, with the comment (trả lại: why; mở khóa: the reason). The official record.
create table agency_report_event (
  id bigint generated always as identity primary key,
  report_id bigint not null references agency_report (id) on delete cascade,
  action text not null check (action in ('submit', 'return', 'approve', 'unlock', 'close', 'reopen')),
  comment text check (length(comment) <= 4000),
  actor_id bigint references app_user (id) on delete set null,
  actor_name text not null,
  at timestamptz not null default now()
);
create index agency_report_event_report on agency_report_event (report_id, id);

create trigger audit after insert or update or delete on calendar_year for each row execute function audit_change('calendar_year', 'year');
create trigger audit after insert or update or delete on calendar_day for each row execute function audit_change('calendar_year', 'year');
create trigger audit after insert or update or delete on reporting_regime for each row execute function audit_change('reporting_regime', 'id');
create trigger audit after insert or update or delete on reporting_period for each row execute function audit_change('reporting_regime', 'regime_id');
create trigger audit after insert or update or delete on agency_report for each row execute function audit_change('agency_report', 'id');
create trigger audit after insert or update or delete on agency_report_line for each row execute function audit_change('agency_report', 'report_id');

-- Evidence (tài liệu minh chứng) attached to a report, or to one task's line of it; its bytes apart, so the audit
-- trail records who attached or removed what (name, size, hash) without copying the file into every event.
create table agency_report_file (
  id bigint generated always as identity primary key,
  report_id bigint not null references agency_report (id) on delete cascade,
  task_id bigint references task_item (id),
  file_name text not null check (length(file_name) between 1 and 255),
  kind text not null check (kind in ('pdf', 'docx', 'xlsx', 'png', 'jpeg')),
  size_bytes integer not null check (size_bytes between 1 and 10485760),
  sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
  uploaded_by bigint references app_user (id) on delete set null,
  uploaded_by_name text not null,
  uploaded_at timestamptz not null default now(),
  deleted_at timestamptz
);
create index agency_report_file_report on agency_report_file (report_id) where deleted_at is null;

create table agency_report_file_content (
  file_id bigint primary key references agency_report_file (id) on delete cascade,
  content bytea not null
);

create trigger audit after insert or update or delete on agency_report_file for each row execute function audit_change('agency_report', 'report_id');

-- The indicators a regime asks for: each report then carries a value per indicator for the agency's locality,
-- which becomes the indicator's figure for the period's calendar window once the report is approved.
create table reporting_regime_indicator (
  regime_id bigint not null references reporting_regime (id) on delete cascade,
  indicator_id bigint not null references indicator (id),
  primary key (regime_id, indicator_id)
);

create table agency_report_value (
  report_id bigint not null references agency_report (id) on delete cascade,
  indicator_id bigint not null references indicator (id),
  administrative_unit_id bigint not null references administrative_unit (id),
  value numeric(20, 4),
  note text check (length(note) <= 2000),
  primary key (report_id, indicator_id, administrative_unit_id)
);

create trigger audit after insert or update or delete on reporting_regime_indicator for each row execute function audit_change('reporting_regime', 'regime_id');
create trigger audit after insert or update or delete on agency_report_value for each row execute function audit_change('agency_report', 'report_id');
