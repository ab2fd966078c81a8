-- The targets at a glance (home's second fragment, /?handler=Targets; /api/dashboard/targets): every target in force with
-- its indicator and directive, and the three figures its progress is read from up to the cut-off — the first, the
-- latest, the last of the target's year; then the last 12 figures of ten targets (the sparklines of those behind).
with inforce as (
  select t.id, t.indicator_id, t.administrative_unit_id, t.year, t.comparator, t.value, t.low, t.high, i.name, i.unit, i.direction,
         coalesce(d.number, d.kind) directive
    from target t join indicator i on i.id = t.indicator_id join directive d on d.id = t.directive_id
   where t.deleted_at is null and not exists (select from target r where r.revises_target_id = t.id and r.deleted_at is null))
select t.*, f.period_end, f.value
  from inforce t
  left join lateral (
    (select m.period_end, m.value from measurement m where m.indicator_id = t.indicator_id and m.administrative_unit_id = t.administrative_unit_id
        and m.period_end <= current_date and m.deleted_at is null order by m.period_end, m.id limit 1)
    union all
    (select m.period_end, m.value from measurement m where m.indicator_id = t.indicator_id and m.administrative_unit_id = t.administrative_unit_id
        and m.period_end <= current_date and m.deleted_at is null order by m.period_end desc, m.id desc limit 1)
    union all
    (select m.period_end, m.value from measurement m where m.indicator_id = t.indicator_id and m.administrative_unit_id = t.administrative_unit_id
        and m.period_end <= current_date and m.deleted_at is null and m.period_end >= make_date(t.year, 1, 1) and m.period_end <= make_date(t.year, 12, 31)
      order by m.period_end desc, m.id desc limit 1)) f on true;
select t.id, s.period_end, s.value
  from (select id, indicator_id, administrative_unit_id from target where deleted_at is null order by id limit 10) t
  cross join lateral (select m.period_end, m.value from measurement m where m.indicator_id = t.indicator_id and m.administrative_unit_id = t.administrative_unit_id
                         and m.period_end <= current_date and m.deleted_at is null order by m.period_end desc, m.id desc limit 12) s;
