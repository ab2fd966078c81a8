-- The versions of what the dashboard and the targets' progress read (issue 14): each moved once by every transaction
-- that writes what it covers, at its commit — "tasks": tasks, their agencies and assignments, progress, agencies,
-- directives, the calendar, the urging log and rules, units; "targets": figures, targets, indicators, the urban-area
-- register, directives, units and their lineage. Results
-- computed from those tables are kept in memory under them (FiguresCache) and computed again when one has moved: a
-- leader's dashboard is read once per change, an agency's progress report does not throw away every target's progress,
-- and nothing kept is older than the last commit the server serving it has seen (primary or standby: the rows are
-- replicated like the data).
create table figures_version (
  id text primary key check (id in ('tasks', 'targets')),
  version bigint not null
);
insert into figures_version values ('tasks', 0), ('targets', 0);

-- Deferred to the commit and once per transaction and kind: writers queue on a row only while they commit, and a bulk
-- import of 335,500 figures moves "targets" once.
create function bump_figures_version() returns trigger
language plpgsql security definer set search_path = pg_catalog, public as $$
declare
  done text := 'lotrinh.figures_bumped_' || tg_argv[0];
begin
  if tg_op = 'TRUNCATE' or current_setting(done, true) is distinct from pg_current_xact_id()::text then
    perform set_config(done, pg_current_xact_id()::text, true);
    update figures_version set version = version + 1 where id = tg_argv[0];
  end if;
  return null;
end $$;

do $$
declare
  kind text;
  t text;
begin
  foreach kind in array array['tasks', 'targets'] loop
    foreach t in array case kind
        when 'tasks' then array['task_item', 'task_agency', 'task_assignment', 'progress_update', 'agency', 'directive', 'directive_link',
                                'deadline_roll', 'calendar_day', 'urging', 'urging_rule', 'administrative_unit']
        else array['measurement', 'target', 'indicator', 'urban_area', 'urban_area_class', 'directive', 'directive_link',
                   'administrative_unit', 'unit_lineage'] end
    loop
      execute format('create constraint trigger %I after insert or update or delete on %I
                        deferrable initially deferred for each row execute function bump_figures_version(%L)', 'figures_' || kind, t, kind);
      execute format('create trigger %I after truncate on %I for each statement execute function bump_figures_version(%L)',
                     'figures_' || kind || '_truncate', t, kind);
    end loop;
  end loop;
end $$;
