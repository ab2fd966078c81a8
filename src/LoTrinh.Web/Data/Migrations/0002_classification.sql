-- Urban classification: criteria-set versions uploaded by an administrator, urban areas with their
-- targets as the directives wrote them, and saved assessments (the history of an urban area).

create table criteria_set_version (
  id bigint generated always as identity primary key,
  basis text not null,
  version text not null,
  -- the file exactly as uploaded (text, not jsonb: jsonb would reorder and reformat it)
  content text not null,
  active boolean not null default false,
  uploaded_by text not null,
  uploaded_at timestamptz not null default now(),
  unique (basis, version)
);
-- At most one uploaded version is active per basis; with none, the built-in set applies.
create unique index criteria_set_one_active on criteria_set_version (basis) where active;

create table urban_area (
  id bigint generated always as identity primary key,
  name text not null,
  name_key text not null unique,
  -- the unit the programme names (e.g. huyện Đức Trọng, abolished 1/7/2025) and the unit of today's map
  former_unit_id bigint references administrative_unit (id),
  administrative_unit_id bigint references administrative_unit (id),
  current_class text,
  current_basis text,
  class_source text,
  heritage boolean not null default false,
  regions text[] not null default '{}',
  note text
);

create table urban_area_target (
  id bigint generated always as identity primary key,
  urban_area_id bigint not null references urban_area (id) on delete cascade,
  year integer not null check (year between 1990 and 2100),
  class text not null,
  basis text not null,
  -- the administrative form also aimed at (thị xã), when the directive names one
  unit_type text,
  directive_id bigint references directive (id),
  section text,
  quote text,
  unique (urban_area_id, year, basis)
);

create table assessment (
  id bigint generated always as identity primary key,
  urban_area_id bigint not null references urban_area (id) on delete cascade,
  assessed_on date not null,
  basis text not null,
  set_version text not null,
  class text not null,
  input jsonb not null,
  result jsonb not null,
  total numeric,
  verdict text not null check (verdict in ('recognised', 'not_recognised', 'thresholds_met', 'thresholds_not_met', 'incomplete')),
  assessed_by text not null,
  note text,
  created_at timestamptz not null default now()
);
create index assessment_area on assessment (urban_area_id, assessed_on desc);

-- Which classification standards an indicator measures, so an assessment can start from the latest
-- reported values ("2A.II.05", "1210.G4.NONAG_TOTAL").
alter table indicator add column standard_codes text[] not null default '{}';
