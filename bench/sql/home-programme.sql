-- Home for a leader, below the dashboard (dashboard.sql): directives with text, targets in force.
select count(*) from directive where full_text is not null;
select id, number, title, issued_on from directive where full_text is not null order by issued_on desc nulls last, id desc limit 20;
select count(*) from target t where deleted_at is null and not exists (select from target r where r.revises_target_id = t.id);
-- The first 20 targets in force with the three figures each one's status is read from (the page computes it).
with page as (
  select t.id, t.indicator_id, t.administrative_unit_id, t.year from target t
   where t.deleted_at is null and not exists (select from target r where r.revises_target_id = t.id)
   order by t.directive_id, t.id limit 20)
select p.id, f.period_end, f.value from page p
  left join lateral (
    (select m.period_end, m.value from measurement m where m.indicator_id = p.indicator_id and m.administrative_unit_id = p.administrative_unit_id
        and m.period_end <= current_date and m.deleted_at is null order by m.period_end, m.id limit 1)
    union all
    (select m.period_end, m.value from measurement m where m.indicator_id = p.indicator_id and m.administrative_unit_id = p.administrative_unit_id
        and m.period_end <= current_date and m.deleted_at is null order by m.period_end desc, m.id desc limit 1)
    union all
    (select m.period_end, m.value from measurement m where m.indicator_id = p.indicator_id and m.administrative_unit_id = p.administrative_unit_id
        and m.period_end <= current_date and m.deleted_at is null and m.period_end >= make_date(p.year, 1, 1) and m.period_end <= make_date(p.year, 12, 31)
      order by m.period_end desc, m.id desc limit 1)) f on true;
