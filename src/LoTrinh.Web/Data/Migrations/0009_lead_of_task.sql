-- Who leads each task (chủ trì), kept on the task itself: the dashboard ranks every agency of the country by its
-- tasks' classes, and grouping 200,000 tasks by a column is one scan, where joining them to their 150,000 lead
-- links cost three times as much (issue 14: the dashboard's 300 ms). The database keeps the column from
-- task_agency (at most one lead per task: task_agency_one_lead); the app never writes it.
alter table task_item add column lead_agency_id bigint references agency (id);
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

-- The column is bookkeeping, like a counter: its changes are already in the trail as task_agency's rows.
create or replace function audit_change() returns trigger
language plpgsql security definer set search_path = pg_catalog, public as $$
declare
  -- secrets and bookkeeping are never copied into the trail
  hidden text[] := array['password_hash', 'security_stamp', 'concurrency_stamp', 'hash', 'last_used_at', 'access_failed_count',
                         'lead_agency_id'];
  old_row jsonb := case when tg_op <> 'INSERT' then to_jsonb(old) - hidden end;
  new_row jsonb := case when tg_op <> 'DELETE' then to_jsonb(new) - hidden end;
  subject jsonb := coalesce(new_row, old_row);
  kind text := lower(tg_op);
  actor bigint := nullif(current_setting('lotrinh.actor_id', true), '')::bigint;
  client text := nullif(current_setting('lotrinh.client', true), '');
begin
  if actor is not null and current_setting('lotrinh.actor_seal', true) is distinct from audit_seal(actor, client) then
    raise exception 'Người thực hiện (lotrinh.actor_id = %) không được xác thực qua lotrinh_set_actor; thay đổi bị từ chối', actor
      using errcode = 'insufficient_privilege';
  end if;
  if tg_op = 'UPDATE' then
    if old_row = new_row then
      return new;
    end if;
    if old_row ? 'deleted_at' and old_row ->> 'deleted_at' is null and new_row ->> 'deleted_at' is not null then
      kind := 'soft_delete';
    elsif old_row ? 'deleted_at' and old_row ->> 'deleted_at' is not null and new_row ->> 'deleted_at' is null then
      kind := 'restore';
    end if;
  end if;
  insert into audit_event (actor_id, actor_name, client, table_name, row_id, subject_table, subject_id, action, before, after)
  values (
    actor,
    -- the account's own name, not one the connection claims; a change outside the app is the database role's
    coalesce((select display_name from app_user where id = actor),
             session_user || coalesce(' (' || nullif(current_setting('application_name', true), '') || ')', '')),
    client, tg_table_name, (subject ->> 'id')::bigint, tg_argv[0], (subject ->> tg_argv[1])::bigint, kind, old_row, new_row);
  return coalesce(new, old);
end $$;
