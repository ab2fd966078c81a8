-- The overdue tasks as of today: their count and the first page of 50 with their agencies.
select count(*) from task_item
 where deleted_at is null and (completed_on is null or completed_on > current_date) and due_rolled_on < current_date
   and not (deadline_precision = 'recurring');
select t.id, t.text, d.number, t.section, t.deadline_text, t.due_rolled_on,
       (select json_agg(json_build_object('role', ta.role, 'name', coalesce(a.short_name, a.name)) order by ta.ordinal)
          from task_agency ta join agency a on a.id = ta.agency_id where ta.task_id = t.id)
  from task_item t join directive d on d.id = t.directive_id
 where t.deleted_at is null and (t.completed_on is null or t.completed_on > current_date) and t.due_rolled_on < current_date
   and not (t.deadline_precision = 'recurring')
 order by t.directive_id, t.id limit 50;
