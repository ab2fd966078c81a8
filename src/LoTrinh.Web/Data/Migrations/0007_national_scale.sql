-- National scale: one schema for 34 provinces.

-- Each province numbers its own documents: Lâm Đồng's 29-CTr/TU and Gia Lai's 29-CTr/TU are two directives.
-- A number is unique for its issuer, not for the country.
drop index directive_number;
create unique index directive_number_issuer on directive (number, lower(issuer_name)) where number is not null;
create index directive_number on directive (number) where number is not null;

-- The person is named per transaction (set_config(…, true)), not per connection: reads pay nothing, and a
-- pooler in transaction mode (pgbouncer) can hand the next transaction to another client without it
-- inheriting this one's actor. The seal still binds actor, address and backend.
create or replace function lotrinh_set_actor(credential text, client text) returns bigint
language plpgsql security definer set search_path = pg_catalog, public as $$
declare
  proof bytea := sha256(convert_to(coalesce(credential, ''), 'UTF8'));
  who bigint;
begin
  if credential is not null and credential <> '' then
    select u.id into who from app_user u
     where (u.lockout_end is null or u.lockout_end < now())
       and (exists (select from access_token t where t.user_id = u.id and t.hash = proof and t.revoked_at is null and t.expires_at > now())
         or exists (select from user_session s where s.user_id = u.id and s.key_hash = proof and s.expires_at > now()));
  end if;
  perform set_config('lotrinh.actor_id', coalesce(who::text, ''), true);
  perform set_config('lotrinh.client', coalesce(client, ''), true);
  perform set_config('lotrinh.actor_seal', case when who is null then '' else audit_seal(who, client) end, true);
  return who;
end $$;

-- Figures arrive in bulk (a province's year: hundreds of thousands of values). A row trigger costs one
-- function call and one insert per figure; this statement trigger writes the whole statement's trail in one
-- INSERT … SELECT from the transition tables. Same rows, same columns as audit_change().
-- tg_argv: subject table, subject column (as audit_change), key column pairing old and new rows of an update.
create function audit_statement() returns trigger
language plpgsql security definer set search_path = pg_catalog, public as $$
declare
  actor bigint := nullif(current_setting('lotrinh.actor_id', true), '')::bigint;
  client text := nullif(current_setting('lotrinh.client', true), '');
  who text;
begin
  if actor is not null and current_setting('lotrinh.actor_seal', true) is distinct from audit_seal(actor, client) then
    raise exception 'Người thực hiện (lotrinh.actor_id = %) không được xác thực qua lotrinh_set_actor; thay đổi bị từ chối', actor
      using errcode = 'insufficient_privilege';
  end if;
  who := coalesce((select display_name from app_user where id = actor),
                  session_user || coalesce(' (' || nullif(current_setting('application_name', true), '') || ')', ''));
  if tg_op = 'INSERT' then
    insert into audit_event (actor_id, actor_name, client, table_name, row_id, subject_table, subject_id, action, before, after)
    select actor, who, client, tg_table_name, (r ->> 'id')::bigint, tg_argv[0], (r ->> tg_argv[1])::bigint, 'insert', null, r
      from (select to_jsonb(n) r from inserted n) x;
  elsif tg_op = 'DELETE' then
    insert into audit_event (actor_id, actor_name, client, table_name, row_id, subject_table, subject_id, action, before, after)
    select actor, who, client, tg_table_name, (r ->> 'id')::bigint, tg_argv[0], (r ->> tg_argv[1])::bigint, 'delete', r, null
      from (select to_jsonb(o) r from removed o) x;
  else
    insert into audit_event (actor_id, actor_name, client, table_name, row_id, subject_table, subject_id, action, before, after)
    select actor, who, client, tg_table_name, (a ->> 'id')::bigint, tg_argv[0], (a ->> tg_argv[1])::bigint,
           case when b ->> 'deleted_at' is null and a ->> 'deleted_at' is not null then 'soft_delete'
                when b ->> 'deleted_at' is not null and a ->> 'deleted_at' is null then 'restore'
                else 'update' end,
           b, a
      from (select to_jsonb(o) b, to_jsonb(n) a
              from removed o join inserted n on (to_jsonb(o) -> tg_argv[2]) = (to_jsonb(n) -> tg_argv[2])) x
     where a <> b;
  end if;
  return null;
end $$;

drop trigger audit on measurement;
create trigger audit_insert after insert on measurement referencing new table as inserted
  for each statement execute function audit_statement('measurement', 'id', 'id');
create trigger audit_update after update on measurement referencing old table as removed new table as inserted
  for each statement execute function audit_statement('measurement', 'id', 'id');
create trigger audit_delete after delete on measurement referencing old table as removed
  for each statement execute function audit_statement('measurement', 'id', 'id');

-- Lists page in SQL; these are the orders they page in and the filters they use.
create index measurement_unit on measurement (administrative_unit_id);
create index task_agency_agency_role on task_agency (agency_id, role);
create index target_unit on target (administrative_unit_id);
create index agency_unit on agency (administrative_unit_id);
create index agency_parent on agency (parent_id);

-- Sign-in cookies and antiforgery tokens are protected with keys every instance reads from here, so two
-- instances behind a balancer without sticky sessions accept each other's cookies.
create table data_protection_key (
  id integer generated always as identity primary key,
  friendly_name text,
  xml text
);

-- The latest period of an indicator, and an indicator's figures newest first, without reading all of them.
create index measurement_indicator_period on measurement (indicator_id, period_end);
