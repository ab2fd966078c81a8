-- The register of urban areas (issue 21): every urban area of a province, its classes over time with the decision
-- that recognised each when known, retirement, and indicators that count the register (Số đô thị loại …).

-- The province whose register lists the area (today's province; its predecessors' targets count it too).
alter table urban_area
  add column province_id bigint references administrative_unit (id),
  add column retired_on date,
  add column retired_reason text check (length(retired_reason) <= 2000),
  add constraint urban_area_retired check ((retired_on is null) = (retired_reason is null)),
  add constraint urban_area_name_length check (length(name) between 1 and 200),
  add constraint urban_area_note_length check (length(note) <= 4000);
update urban_area a set province_id = coalesce(
  (select u.parent_id from administrative_unit u where u.id = a.administrative_unit_id),
  (select l.successor_id from administrative_unit u join unit_lineage l on l.predecessor_id = u.parent_id where u.id = a.former_unit_id limit 1));
create index urban_area_province on urban_area (province_id);

-- A class held from a date (công nhận loại đô thị). held_from is the recognition date when known, otherwise the
-- date of the source that attests the class: an unknown recognition date stays unknown.
create table urban_area_class (
  id bigint generated always as identity primary key,
  urban_area_id bigint not null references urban_area (id) on delete cascade,
  class text not null check (length(class) between 1 and 20),
  basis text not null check (length(basis) between 1 and 40),
  held_from date not null,
  recognised_on date,
  decision text check (length(decision) <= 200),
  source text check (length(source) <= 2000),
  check (recognised_on is null or held_from >= recognised_on)
);
create index urban_area_class_area on urban_area_class (urban_area_id, held_from);
create trigger audit after insert or update or delete on urban_area_class for each row execute function audit_change('urban_area', 'urban_area_id');

-- The one class a row held moves to the history; the day it was put on file is all a migration knows of its start.
insert into urban_area_class (urban_area_id, class, basis, held_from, source)
select id, current_class, current_basis, current_date, class_source from urban_area where current_class is not null and current_basis is not null;
alter table urban_area drop column current_class, drop column current_basis, drop column class_source;

-- An indicator that counts the register: the urban areas of a class under a basis (class null: all of them).
alter table indicator
  add column counts_urban_areas boolean not null default false,
  add column counts_class text,
  add column counts_basis text,
  add constraint indicator_counts check (counts_urban_areas or (counts_class is null and counts_basis is null)),
  add constraint indicator_counts_basis check (counts_class is null or counts_basis is not null);

-- An assessment is of an urban area or of an administrative unit (its standards: 1211/2016, 76/2025, 112/2025).
alter table assessment
  alter column urban_area_id drop not null,
  add column administrative_unit_id bigint references administrative_unit (id),
  add constraint assessment_subject check ((urban_area_id is null) <> (administrative_unit_id is null));
create index assessment_unit on assessment (administrative_unit_id, assessed_on desc) where administrative_unit_id is not null;
