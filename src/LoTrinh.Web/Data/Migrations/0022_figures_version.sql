-- The version of what the dashboard and the targets' progress read (issue 14): a number moved once by every transaction
-- that writes tasks, agencies, directives, the calendar, figures, targets, indicators or the urban-area register, at its
-- commit. Results computed from those tables are kept in memory under it (FiguresCache) and computed again when it has
-- moved, so a leader's dashboard is read once per change, not once per request, and is never older than the last commit
-- the server serving it has seen (primary or standby: the row is replicated like the data).
create table figures_version (
  id integer primary key default 1 check (id = 1),
  version bigint not null
);
insert into figures_version values (1, 0);

-- Deferred to the commit and once per transaction: writers queue on this row only while they commit, and a bulk import
-- of 335,500 figures moves it once.
create function bump_figures_version() returns trigger
language plpgsql security definer set search_path = pg_catalog, public as $$
begin
  if tg_op = 'TRUNCATE' or current_setting('lotrinh.figures_bumped', true) is distinct from pg_current_xact_id()::text then
    perform set_config('lotrinh.figures_bumped', pg_current_xact_id()::text, true);
    update figures_version set version = version + 1 where id = 1;
  end if;
  return null;
end $$;

do $$
declare
  t text;
begin
  foreach t in array array['task_item', 'task_agency', 'task_assignment', 'progress_update', 'agency', 'directive', 'directive_link',
                           'deadline_roll', 'calendar_day', 'measurement', 'target', 'indicator', 'urban_area', 'urban_area_class']
  loop
    execute format('create constraint trigger figures_version after insert or update or delete on %I
                      deferrable initially deferred for each row execute function bump_figures_version()', t);
    execute format('create trigger figures_version_truncate after truncate on %I for each statement execute function bump_figures_version()', t);
  end loop;
end $$;
