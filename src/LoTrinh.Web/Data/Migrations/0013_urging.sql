-- Đôn đốc (issue 17): the secretariat's rules, the urging log, who was told in the app, and one e-mail digest per
-- person per day.

-- The rules, one row for the programme (Core's UrgingRules; checked there, bounded here).
create table urging_rule (
  id integer primary key default 1 check (id = 1),
  days_before integer[] not null default '{7,3,1}',
  on_the_day boolean not null default true,
  overdue_every integer not null default 5 check (overdue_every between 1 and 365),
  stale_after_days integer not null default 30 check (stale_after_days between 1 and 365),
  unassigned_after_days integer not null default 90 check (unassigned_after_days between 1 and 365),
  escalate_to_head_after integer not null default 5 check (escalate_to_head_after between 1 and 365),
  escalate_to_secretariat_after integer not null default 15 check (escalate_to_secretariat_after between 1 and 365),
  escalate_to_leadership boolean not null default false,
  updated_by bigint references app_user (id) on delete set null,
  updated_at timestamptz not null default now(),
  check (escalate_to_secretariat_after > escalate_to_head_after)
);
insert into urging_rule default values;
create trigger audit after insert or update or delete on urging_rule for each row execute function audit_change('urging_rule', 'id');

-- The urging log (nhật ký đôn đốc): each urge about a task or a report, to an agency (or the secretariat), why and
-- when. The rules' urges are unique per day, kind, item and agency, so a second run, a restart or a second instance
-- adds nothing; the secretariat's own notes (manual) are each their own.
create table urging (
  id bigint generated always as identity primary key,
  day date not null,
  kind text not null check (kind in ('due_soon', 'due_today', 'overdue', 'escalated_to_head', 'escalated_to_secretariat',
                                     'stale', 'unassigned', 'manual')),
  audience text not null check (audience in ('agency', 'agency_head', 'secretariat')),
  task_id bigint references task_item (id),
  report_id bigint references agency_report (id),
  agency_id bigint references agency (id),
  reason text not null check (length(reason) between 1 and 500),
  note text check (length(note) between 1 and 4000),
  sent_by bigint references app_user (id) on delete set null,
  created_at timestamptz not null default now(),
  check ((task_id is null) <> (report_id is null)),
  check ((kind = 'manual') = (note is not null)),
  check (audience = 'secretariat' or agency_id is not null)
);
create unique index urging_once on urging (day, kind, coalesce(task_id, 0), coalesce(report_id, 0), coalesce(agency_id, 0))
  where kind <> 'manual';
create index urging_by_day on urging (day, id);
-- The urges that follow a state (escalated once per deadline, stale once per quiet spell): the day's run reads the last of each.
create index urging_states on urging (kind, day) include (task_id, report_id)
  where kind in ('escalated_to_head', 'escalated_to_secretariat', 'stale', 'unassigned');
create index urging_by_task on urging (task_id) where task_id is not null;
create index urging_by_agency on urging (agency_id, day);

-- Who was told in the app (and whether they read it).
create table notification (
  user_id bigint not null references app_user (id) on delete cascade,
  urging_id bigint not null references urging (id) on delete cascade,
  read_at timestamptz,
  primary key (user_id, urging_id)
);
create index notification_unread on notification (user_id) where read_at is null;
create index notification_by_urging on notification (urging_id);

-- The day's notifications join each urge to its agency's people.
create index app_user_agency on app_user (agency_id, role) where agency_id is not null;

-- How each person wants their digest by e-mail: every working day, on Mondays (the week's), or not at all.
alter table app_user add column digest text not null default 'daily' check (digest in ('daily', 'weekly', 'none'));

-- One e-mail per person per day. An instance takes a digest for a while (a lease) to send it, so two instances never
-- both send it; a refusal or a time-out is tried again later (next_attempt_at), up to a limit.
create table digest (
  user_id bigint not null references app_user (id) on delete cascade,
  day date not null,
  status text not null default 'pending' check (status in ('pending', 'sent', 'failed')),
  attempts integer not null default 0,
  next_attempt_at timestamptz not null default now(),
  lease_until timestamptz,
  sent_at timestamptz,
  address text not null,
  items integer not null,
  error text,
  primary key (user_id, day)
);
create index digest_due on digest (next_attempt_at) where status = 'pending';

-- The days the rules have run for: after downtime, the days missed are run in order (a bounded catch-up).
create table urging_run (
  day date primary key,
  urges integer not null,
  finished_at timestamptz not null default now()
);
