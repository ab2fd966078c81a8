-- The first page of 100 targets with their indicator, directive and locality, and how many there are.
-- (The public sees no figures until the reporting cycle approves them, so there is no series to read.)
select count(*) from target t join directive d on d.id = t.directive_id where t.deleted_at is null and d.published;
select t.id, i.name, i.unit, t.scope, u.name, t.year, t.comparator, t.value, t.low, t.high, d.number, t.section
  from target t join indicator i on i.id = t.indicator_id join directive d on d.id = t.directive_id
  left join administrative_unit u on u.id = t.administrative_unit_id
 where t.deleted_at is null and d.published
 order by t.directive_id, t.id limit 100;
