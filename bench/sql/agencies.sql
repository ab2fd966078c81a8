-- The first page of 50 agencies by name, their unit and how many tasks each has, and how many agencies there are.
select count(*) from agency;
with page as (
  select a.id, a.name, a.short_name, a.kind, u.name unit from agency a left join administrative_unit u on u.id = a.administrative_unit_id
   order by a.name, a.id limit 50)
select p.*, (select count(*) from task_agency ta join task_item t on t.id = ta.task_id where ta.agency_id = p.id and t.deleted_at is null)
  from page p order by p.name, p.id;
