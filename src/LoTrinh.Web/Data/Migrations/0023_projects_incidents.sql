-- Key projects and field incidents (issue 20): the project register with its milestones, capital and linked tasks; the
-- incident log; photos; and the seat of an administrative unit, where a project without its own point is drawn.

-- What a person writes of a project; what the documents do not say stays null ("chưa rõ"), never invented.
alter table key_project
  add column kind text not null default 'other'
    check (kind in ('infrastructure', 'irrigation', 'resettlement', 'land_fund', 'planning', 'public_building', 'other')),
  add column former_unit_id bigint references administrative_unit (id),
  add column decision text check (length(decision) <= 200),
  add column decided_on date,
  add column capital_sources text check (length(capital_sources) <= 500),
  add column note text check (length(note) <= 4000),
  add column published boolean not null default false,
  -- The site's outline: a ring of [latitude, longitude] pairs.
  add column site jsonb check (site is null or jsonb_typeof(site) = 'array'),
  add constraint key_project_name_length check (length(name) between 1 and 300),
  add constraint key_project_investor_length check (length(investor) <= 300),
  drop column disbursed_vnd;

-- A milestone is one of the kinds a project passes, once each; its name came from the kind.
alter table project_milestone
  add column kind text check (kind in ('approval', 'site_clearance', 'land_handover', 'ground_breaking', 'completion', 'handover')),
  add column note text check (length(note) <= 2000);
update project_milestone set kind = 'completion' where kind is null;
alter table project_milestone alter column kind set not null, drop column name,
  add constraint project_milestone_once unique (project_id, kind),
  add constraint project_milestone_dated check (planned_on is not null or achieved_on is not null);

-- Capital planned and disbursed per year (kế hoạch vốn, giải ngân), as reported on a day.
create table project_disbursement (
  id bigint generated always as identity primary key,
  project_id bigint not null references key_project (id) on delete cascade,
  year integer not null check (year between 2000 and 2100),
  planned_vnd numeric(20, 0) not null check (planned_vnd >= 0),
  disbursed_vnd numeric(20, 0) not null check (disbursed_vnd >= 0),
  reported_on date not null,
  source text check (length(source) <= 1000),
  unique (project_id, year)
);

create trigger audit after insert or update or delete on project_milestone for each row execute function audit_change('key_project', 'project_id');
create trigger audit after insert or update or delete on project_disbursement for each row execute function audit_change('key_project', 'project_id');
create trigger audit after insert or update or delete on project_task for each row execute function audit_change('key_project', 'project_id');

-- Where a unit's People's Committee sits, with the source that says so: no licensed list of seats was found
-- (vn-conventions §4.6), so they are entered one by one.
alter table administrative_unit
  add column seat_latitude numeric(9, 6) check (seat_latitude between -90 and 90),
  add column seat_longitude numeric(9, 6) check (seat_longitude between -180 and 180),
  add column seat_source text check (length(seat_source) <= 1000),
  add constraint administrative_unit_seat check ((seat_latitude is null) = (seat_longitude is null)
    and (seat_latitude is null or seat_source is not null));

-- Kinds of field incident, configurable: the IOC's fields of 16-KL/BCĐ §4 to start with.
create table incident_kind (
  code text primary key check (code ~ '^[a-z][a-z0-9_]{1,39}$'),
  name text not null unique check (length(name) between 1 and 200),
  sort integer not null default 0,
  active boolean not null default true
);
insert into incident_kind (code, name, sort) values
  ('construction_unpermitted', 'Xây dựng không phép', 1),
  ('construction_against_permit', 'Xây dựng sai phép', 2),
  ('forest_loss', 'Phá rừng, lấn chiếm đất rừng', 3),
  ('land_encroachment', 'Lấn chiếm đất trong khu vực dự án', 4),
  ('illegal_mining', 'Khai thác khoáng sản trái phép', 5),
  ('other', 'Khác', 99);

-- A field incident (sự cố, vi phạm hiện trường): where, when, who saw it; given to an agency with a deadline;
-- resolved with the measures taken.
create table incident (
  id bigint generated always as identity primary key,
  kind_code text not null references incident_kind (code),
  description text not null check (length(description) between 1 and 4000),
  occurred_on date not null,
  latitude numeric(9, 6) check (latitude between -90 and 90),
  longitude numeric(9, 6) check (longitude between -180 and 180),
  address text check (length(address) <= 500),
  administrative_unit_id bigint references administrative_unit (id),
  project_id bigint references key_project (id),
  reported_by text not null,
  -- The reporter's agency: an officer keeps seeing what they reported.
  reported_by_agency_id bigint references agency (id),
  reported_at timestamptz not null default now(),
  agency_id bigint references agency (id),
  assigned_on date,
  due_on date,
  resolved_on date,
  resolution text check (length(resolution) <= 4000),
  check ((latitude is null) = (longitude is null)),
  check (latitude is not null or administrative_unit_id is not null),
  check ((agency_id is null) = (assigned_on is null)),
  check (due_on is null or agency_id is not null),
  check (resolved_on is null or (agency_id is not null and resolution is not null))
);
create index incident_open on incident (due_on) where resolved_on is null;
create index incident_unit on incident (administrative_unit_id);

create table incident_measure (
  id bigint generated always as identity primary key,
  incident_id bigint not null references incident (id) on delete cascade,
  kind text not null check (kind in ('record', 'suspension', 'fine', 'remedy', 'other')),
  taken_on date not null,
  decision text check (length(decision) <= 200),
  amount_vnd numeric(20, 0) check (amount_vnd > 0),
  note text check (length(note) <= 2000),
  check (amount_vnd is null or kind = 'fine')
);

create trigger audit after insert or update or delete on incident for each row execute function audit_change('incident', 'id');
create trigger audit after insert or update or delete on incident_measure for each row execute function audit_change('incident', 'incident_id');

-- A photo of a project or an incident: re-encoded on upload, every other metadata stripped; the location read from its EXIF
-- is kept here. The bytes live apart so the audit trail records the photo, not its pixels.
create table photo (
  id bigint generated always as identity primary key,
  project_id bigint references key_project (id) on delete cascade,
  incident_id bigint references incident (id) on delete cascade,
  file_name text not null check (length(file_name) between 1 and 255),
  width integer not null check (width > 0),
  height integer not null check (height > 0),
  latitude numeric(9, 6),
  longitude numeric(9, 6),
  taken_at timestamp,
  uploaded_by text not null,
  uploaded_at timestamptz not null default now(),
  check ((project_id is null) <> (incident_id is null))
);
create index photo_incident on photo (incident_id) where incident_id is not null;
create index photo_project on photo (project_id) where project_id is not null;
create table photo_content (
  photo_id bigint primary key references photo (id) on delete cascade,
  jpeg bytea not null
);
-- A photo belongs to a project or to an incident: its history is that record's.
create trigger audit_project_added after insert on photo for each row when (new.project_id is not null) execute function audit_change('key_project', 'project_id');
create trigger audit_project_removed after delete on photo for each row when (old.project_id is not null) execute function audit_change('key_project', 'project_id');
create trigger audit_incident_added after insert on photo for each row when (new.incident_id is not null) execute function audit_change('incident', 'incident_id');
create trigger audit_incident_removed after delete on photo for each row when (old.incident_id is not null) execute function audit_change('incident', 'incident_id');
