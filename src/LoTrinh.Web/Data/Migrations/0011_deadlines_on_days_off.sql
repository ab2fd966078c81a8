-- A deadline that falls on a day off ends at the close of the next working day (Bộ luật Dân sự 2015, Điều 148). Whether
-- task deadlines are read so is a setting (on by default); the working-day calendar says which days are off.

-- Settings of the programme as a whole: one row.
create table programme_setting (
  id integer primary key default 1 check (id = 1),
  roll_deadlines_forward boolean not null default true,
  updated_by bigint references app_user (id) on delete set null,
  updated_at timestamptz not null default now()
);
insert into programme_setting default values;
create trigger audit after insert or update or delete on programme_setting for each row execute function audit_change('programme_setting', 'id');

-- Each day off (2000–2100) and the working day a deadline on it moves to; empty when the setting is off. Written by
-- LoTrinh from the calendar (entered, shipped or foreseen: the lunar calendar is reckoned in C#) whenever either changes.
create table deadline_roll (
  day date primary key,
  rolled_to date not null check (rolled_to > day)
);

-- The last day of each task as the status rules read it: due_on rolled forward when it falls on a day off. Kept by the
-- database from due_on and deadline_roll, so every way a task is written (forms, imports, SQL) gets it; the app never
-- writes it. Overdue lists and counts filter and sort on it, so the dashboard's deadline index moves to it.
alter table task_item add column due_rolled_on date;

-- Bookkeeping like lead_agency_id: a change of the calendar re-reads every task, which is not an edit of the task.
drop trigger audit_update on task_item;
create trigger audit_update after update on task_item for each row
  when ((to_jsonb(old) - 'lead_agency_id' - 'due_rolled_on') is distinct from (to_jsonb(new) - 'lead_agency_id' - 'due_rolled_on'))
  execute function audit_change('task_item', 'id');

update task_item set due_rolled_on = due_on where due_on is not null;

create function roll_task_deadline() returns trigger
language plpgsql set search_path = pg_catalog, public as $$
begin
  new.due_rolled_on := coalesce((select r.rolled_to from deadline_roll r where r.day = new.due_on), new.due_on);
  return new;
end $$;

create trigger roll_deadline before insert or update of due_on on task_item for each row execute function roll_task_deadline();

drop index task_item_due_by_id;
create index task_item_due_by_id on task_item (due_rolled_on, id) where deleted_at is null and due_rolled_on is not null;
