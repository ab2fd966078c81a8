-- An indicator's page: the indicator, the first 100 of its figures newest first with their units, how many it has.
-- (Its targets and their status are the other part of the page; bench/README.md says what this leaves out.)
select * from indicator where id = (select max(id) from indicator);
select count(*) from measurement where indicator_id = (select max(id) from indicator) and deleted_at is null;
select m.id, u.code, u.name, m.period_start, m.period_end, m.period_label, m.value, m.source, m.entered_by
  from measurement m join administrative_unit u on u.id = m.administrative_unit_id
 where m.indicator_id = (select max(id) from indicator) and m.deleted_at is null
 order by m.period_end desc, m.id desc limit 100;
