-- Home for a leader, below the dashboard (dashboard.sql): directives with text, targets in force.
select count(*) from directive where full_text is not null;
select id, number, title, issued_on from directive where full_text is not null order by issued_on desc nulls last, id desc limit 20;
select count(*) from target t where deleted_at is null and not exists (select from target r where r.revises_target_id = t.id);
-- The first 20 targets in force with their figures (a leader sees figures; the page computes each one's status).
with page as (
  select t.id, t.indicator_id, t.administrative_unit_id from target t
   where t.deleted_at is null and not exists (select from target r where r.revises_target_id = t.id)
   order by t.directive_id, t.id limit 20)
select p.id, m.period_end, m.value from page p
  join measurement m on m.indicator_id = p.indicator_id and m.administrative_unit_id = p.administrative_unit_id and m.deleted_at is null;
