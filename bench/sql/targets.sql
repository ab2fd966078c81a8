-- The first page of 100 published targets with their indicator, directive and locality, how many there are, and
-- the three approved figures of each target's indicator and locality its status and progress are read from (the first,
-- the latest, the last of its year; the public sees approved figures since the reporting cycle, issue 16).
select count(*) from target t join directive d on d.id = t.directive_id where t.deleted_at is null and d.published;
with page as (
  select t.id, i.name, i.unit, t.scope, u.name locality, t.year, t.comparator, t.value, t.low, t.high, d.number, t.section,
         t.indicator_id, t.administrative_unit_id
    from target t join indicator i on i.id = t.indicator_id join directive d on d.id = t.directive_id
    left join administrative_unit u on u.id = t.administrative_unit_id
   where t.deleted_at is null and d.published
   order by t.directive_id, t.id limit 100)
select p.*, f.period_end, f.value
  from page p
  left join lateral (
    (select m.period_end, m.value from measurement m where m.indicator_id = p.indicator_id and m.administrative_unit_id = p.administrative_unit_id
        and m.period_end <= current_date and m.deleted_at is null and not m.awaiting_approval order by m.period_end, m.id limit 1)
    union all
    (select m.period_end, m.value from measurement m where m.indicator_id = p.indicator_id and m.administrative_unit_id = p.administrative_unit_id
        and m.period_end <= current_date and m.deleted_at is null and not m.awaiting_approval order by m.period_end desc, m.id desc limit 1)
    union all
    (select m.period_end, m.value from measurement m where m.indicator_id = p.indicator_id and m.administrative_unit_id = p.administrative_unit_id
        and m.period_end <= current_date and m.deleted_at is null and not m.awaiting_approval
        and m.period_end >= make_date(p.year, 1, 1) and m.period_end <= make_date(p.year, 12, 31) order by m.period_end desc, m.id desc limit 1)) f on true;
