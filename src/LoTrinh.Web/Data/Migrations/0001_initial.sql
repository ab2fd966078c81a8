-- LoTrinh schema, first version. Never edit once merged: add a new numbered script instead.

create table administrative_unit (
  id bigint generated always as identity primary key,
  code text not null,
  name text not null,
  level text not null check (level in ('province', 'district', 'commune')),
  kind text not null,
  parent_id bigint references administrative_unit (id),
  valid_from date,
  valid_to date,
  check (valid_from is null or valid_to is null or valid_from <= valid_to)
);
-- A code is reused across the 2025 reform (xã Đức Trọng = thị trấn Liên Nghĩa = 24958):
-- only code + validity identifies a unit.
create unique index administrative_unit_code_validity on administrative_unit (code, coalesce(valid_from, '-infinity'::date));
create index administrative_unit_parent on administrative_unit (parent_id);

create table unit_lineage (
  predecessor_id bigint not null references administrative_unit (id),
  successor_id bigint not null references administrative_unit (id),
  kind text not null check (kind in ('full', 'partial')),
  effective_on date not null,
  primary key (predecessor_id, successor_id)
);
create index unit_lineage_successor on unit_lineage (successor_id);

create table agency (
  id bigint generated always as identity primary key,
  name text not null,
  name_key text not null,
  short_name text,
  kind text not null,
  parent_id bigint references agency (id),
  administrative_unit_id bigint references administrative_unit (id)
);
-- "UBND huyện" or "Các Ban Xây dựng Đảng" name different bodies in different places.
create unique index agency_name_unit on agency (name_key, coalesce(administrative_unit_id, 0));

create table directive (
  id bigint generated always as identity primary key,
  number text,
  number_form text check (number_form in ('party', 'state')),
  number_sequence integer,
  number_year integer,
  kind_code text,
  issuer_code text,
  kind text not null,
  issuer_name text not null,
  issuer_agency_id bigint references agency (id),
  signer text,
  issued_on date,
  effective_on date,
  field text,
  title text not null,
  full_text text,
  outline jsonb not null default '[]',
  locality_unit_id bigint references administrative_unit (id),
  created_at timestamptz not null default now(),
  check ((number is null) = (number_form is null))
);
create unique index directive_number on directive (number) where number is not null;

create table directive_link (
  id bigint generated always as identity primary key,
  from_directive_id bigint not null references directive (id) on delete cascade,
  to_directive_id bigint not null references directive (id),
  relation text not null check (relation in ('implements', 'cites', 'amends', 'replaces')),
  unique (from_directive_id, to_directive_id, relation),
  check (from_directive_id <> to_directive_id)
);
create index directive_link_to on directive_link (to_directive_id);

create table objective (
  id bigint generated always as identity primary key,
  directive_id bigint not null references directive (id) on delete cascade,
  section text,
  horizon_year integer,
  text text not null
);
create index objective_directive on objective (directive_id);

create table indicator (
  id bigint generated always as identity primary key,
  name text not null,
  name_key text not null,
  unit text not null,
  direction text not null check (direction in ('unspecified', 'increase', 'decrease')),
  unique (name_key, unit)
);

create table target (
  id bigint generated always as identity primary key,
  indicator_id bigint not null references indicator (id),
  directive_id bigint not null references directive (id) on delete cascade,
  section text,
  scope text not null,
  administrative_unit_id bigint references administrative_unit (id),
  year integer,
  comparator text not null check (comparator in ('gt', 'gte', 'lt', 'lte', 'eq', 'range', 'approx')),
  value numeric,
  low numeric,
  high numeric,
  quote text,
  -- A later directive revises a target; the earlier row stays as history.
  revises_target_id bigint references target (id),
  check (
    (comparator = 'range' and value is null and low is not null and high is not null and low <= high)
    or (comparator <> 'range' and value is not null and low is null and high is null))
);
create index target_directive on target (directive_id);
create index target_indicator on target (indicator_id, year);

create table measurement (
  id bigint generated always as identity primary key,
  indicator_id bigint not null references indicator (id),
  administrative_unit_id bigint not null references administrative_unit (id),
  period_start date not null,
  period_end date not null,
  period_label text not null,
  value numeric not null,
  source text not null,
  entered_by text not null,
  entered_at timestamptz not null default now(),
  check (period_start <= period_end),
  unique (indicator_id, administrative_unit_id, period_start, period_end)
);

create table task_item (
  id bigint generated always as identity primary key,
  directive_id bigint not null references directive (id) on delete cascade,
  section text,
  text text not null,
  quote text,
  deadline_text text,
  due_on date,
  deadline_precision text not null default 'none'
    check (deadline_precision in ('none', 'day', 'month', 'quarter', 'half', 'year', 'recurring')),
  deadline_exclusive boolean not null default false,
  completed_on date,
  created_at timestamptz not null default now(),
  check (deadline_precision not in ('none', 'recurring') or due_on is null)
);
create index task_item_directive on task_item (directive_id);
create index task_item_due on task_item (due_on) where completed_on is null;

create table task_agency (
  task_id bigint not null references task_item (id) on delete cascade,
  agency_id bigint not null references agency (id),
  -- chủ trì (lead), đồng chủ trì when a directive names several actors, phối hợp (cooperating)
  role text not null check (role in ('lead', 'co_lead', 'cooperating')),
  ordinal integer not null,
  primary key (task_id, agency_id)
);
create unique index task_agency_one_lead on task_agency (task_id) where role = 'lead';
create index task_agency_agency on task_agency (agency_id);

create table progress_update (
  id bigint generated always as identity primary key,
  task_id bigint not null references task_item (id) on delete cascade,
  reported_on date not null,
  text text not null,
  percent integer check (percent between 0 and 100),
  entered_by text not null,
  created_at timestamptz not null default now()
);
create index progress_update_task on progress_update (task_id, reported_on);

create table key_project (
  id bigint generated always as identity primary key,
  name text not null,
  administrative_unit_id bigint references administrative_unit (id),
  latitude numeric(9, 6) check (latitude between -90 and 90),
  longitude numeric(9, 6) check (longitude between -180 and 180),
  investor text,
  total_investment_vnd numeric(20, 0) check (total_investment_vnd >= 0),
  disbursed_vnd numeric(20, 0) check (disbursed_vnd >= 0),
  check ((latitude is null) = (longitude is null))
);

create table project_milestone (
  id bigint generated always as identity primary key,
  project_id bigint not null references key_project (id) on delete cascade,
  name text not null,
  planned_on date,
  achieved_on date
);

create table project_task (
  project_id bigint not null references key_project (id) on delete cascade,
  task_id bigint not null references task_item (id) on delete cascade,
  primary key (project_id, task_id)
);
