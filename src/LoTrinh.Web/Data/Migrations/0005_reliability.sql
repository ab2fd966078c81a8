-- How many times reading an import has started: a file that stops the app every time is given up
-- after a few attempts instead of being read again at every start.
alter table document_import add column attempts integer not null default 0;

-- Sign-in sessions kept on the server: the browser holds only a random key, so signing out (or "sign out
-- everywhere", a password reset, a lock) ends the session at once, not when the cookie expires.
create table user_session (
  -- SHA-256 of the key the cookie carries; the key itself is never stored
  key_hash bytea primary key,
  user_id bigint not null references app_user (id) on delete cascade,
  ticket bytea not null,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null
);
create index user_session_user on user_session (user_id);

-- Who made a change is proven, not claimed. The application serves as a role that may change business
-- rows but not the audit trail, its triggers or this key. It names the person of each connection by
-- passing that person's own live credential (the session key or access token they signed in with) to
-- lotrinh_set_actor, which finds the account by the credential's hash and seals the actor with a key
-- only the owner can read. The trigger refuses a change whose actor is set but not sealed for this
-- connection: set_config('lotrinh.actor_id', …) by hand no longer names anyone.
create table audit_key (key bytea not null);
insert into audit_key values (uuid_send(gen_random_uuid()) || uuid_send(gen_random_uuid()));
revoke all on audit_key from public;

create function audit_seal(actor bigint, client text) returns text
language sql stable security definer set search_path = pg_catalog, public as $$
  select encode(sha256((select key from audit_key) || convert_to(actor::text || '|' || coalesce(client, '') || '|' || pg_backend_pid()::text, 'UTF8')), 'hex')
$$;
revoke all on function audit_seal(bigint, text) from public;

create function lotrinh_set_actor(credential text, client text) returns bigint
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
  perform set_config('lotrinh.actor_id', coalesce(who::text, ''), false);
  perform set_config('lotrinh.client', coalesce(client, ''), false);
  perform set_config('lotrinh.actor_seal', case when who is null then '' else audit_seal(who, client) end, false);
  return who;
end $$;

create or replace function audit_change() returns trigger
language plpgsql security definer set search_path = pg_catalog, public as $$
declare
  -- secrets and bookkeeping are never copied into the trail
  hidden text[] := array['password_hash', 'security_stamp', 'concurrency_stamp', 'hash', 'last_used_at', 'access_failed_count'];
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

-- A new security stamp (password changed or reset, "sign out everywhere") or a lock ends every session of
-- the account at once, whichever path made the change.
create function end_sessions() returns trigger language plpgsql as $$
begin
  if new.security_stamp is distinct from old.security_stamp or (new.lockout_end is not null and new.lockout_end > now()) then
    delete from user_session where user_id = new.id;
  end if;
  return new;
end $$;
create trigger end_sessions after update of security_stamp, lockout_end on app_user for each row execute function end_sessions();
