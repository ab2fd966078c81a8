-- A database seeded before the seed published its directives: the directives the seed loader wrote (by the
-- database role, no person) and that no import brought in are the published programme and the documents
-- it cites. Ones registered or imported by a person keep their state.
update directive d set published = true
 where not d.published
   and exists (select from audit_event e where e.table_name = 'directive' and e.row_id = d.id and e.action = 'insert' and e.actor_id is null)
   and not exists (select from document_import i where i.directive_id = d.id);

-- Agencies through the 2025 reform: when a body ceased (its unit's end by default), who took over, and a
-- duplicate merged into the record that stays. A body sits under another (a commune's offices under its UBND).
alter table agency
  add column valid_from date,
  add column valid_to date,
  add column successor_id bigint references agency (id),
  add column merged_into_id bigint references agency (id),
  add check (successor_id is distinct from id and merged_into_id is distinct from id);
update agency a set valid_to = u.valid_to
  from administrative_unit u where a.administrative_unit_id = u.id and u.valid_to is not null;
-- Persons and posts, and "đồng chí … các xã" (many), written as addressees before the register told them apart.
update agency set kind = case when name ilike '% các %' then 'group' else 'person' end
 where kind = 'other' and (name ilike 'đồng chí %' or name ilike 'đ/c %');

-- A task that passed to a successor says from whom.
alter table task_agency add column received_from_agency_id bigint references agency (id);

-- The deadline first set, kept when it is adjusted (điều chỉnh thời hạn): reports speak of both.
alter table task_item add column original_deadline_text text, add column original_due_on date;

-- Phân công: who was given the task, by when, by which decision and why; one row per task per act.
create table task_assignment (
  id bigint generated always as identity primary key,
  task_id bigint not null references task_item (id),
  lead_agency_id bigint references agency (id),
  cooperating_agency_ids bigint[] not null default '{}',
  deadline_text text,
  due_on date,
  -- the deadline before this act, when it changed one
  previous_deadline_text text,
  document_number text,
  document_date date,
  reason text,
  assigned_by bigint references app_user (id),
  created_at timestamptz not null default now()
);
create index task_assignment_task on task_assignment (task_id);
create trigger audit after insert or update or delete on task_assignment for each row execute function audit_change('task_item', 'task_id');

-- The outline is read from the text as it is shown (repaired), when it is shown; a stored copy of offsets
-- into the raw text could only drift from it.
alter table directive drop column outline;
