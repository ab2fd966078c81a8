-- Who leads each task (chủ trì), kept on the task itself: the dashboard ranks every agency of the country by its
-- tasks' classes, and grouping 200,000 tasks by a column is one scan, where joining them to their 150,000 lead
-- links cost three times as much (issue 14: the dashboard's 300 ms). The database keeps the column from
-- task_agency (at most one lead per task: task_agency_one_lead); the app never writes it.
alter table task_item add column lead_agency_id bigint references agency (id);

-- The column is bookkeeping, like a counter: its changes are already in the trail as task_agency's rows, so an
-- update of the task that changes nothing else writes no row of its own.
drop trigger audit on task_item;
create trigger audit after insert or delete on task_item for each row execute function audit_change('task_item', 'id');
create trigger audit_update after update on task_item for each row
  when ((to_jsonb(old) - 'lead_agency_id') is distinct from (to_jsonb(new) - 'lead_agency_id'))
  execute function audit_change('task_item', 'id');

update task_item t set lead_agency_id = a.agency_id from task_agency a where a.task_id = t.id and a.role = 'lead';

-- Row by row and at commit: the app saves a task and its links in one transaction, the task with its version
-- (xmin) checked; were the column set between those statements, the task's own update would find a newer version
-- than the one it read and be refused as a concurrent edit.
create function keep_task_lead() returns trigger
language plpgsql security definer set search_path = pg_catalog, public as $$
begin
  if coalesce(new.role, '') <> 'lead' and coalesce(old.role, '') <> 'lead' then
    return null;
  end if;
  update task_item t set lead_agency_id = l.agency_id
    from (select t2.id, (select a.agency_id from task_agency a where a.task_id = t2.id and a.role = 'lead') agency_id
            from task_item t2 where t2.id in (new.task_id, old.task_id)) l
   where t.id = l.id and t.lead_agency_id is distinct from l.agency_id;
  return null;
end $$;

create constraint trigger keep_lead after insert or update or delete on task_agency
  deferrable initially deferred for each row execute function keep_task_lead();

create index task_item_lead on task_item (lead_agency_id) where deleted_at is null;

