-- The task board's figures: the count per status class as of today and the first page of 50 with its agencies.
select case when completed_on is not null and completed_on <= current_date then case when completed_on > due_rolled_on then 4 else 3 end
            when deadline_precision = 'recurring' then 5
            when due_rolled_on is null then 6 when current_date > due_rolled_on then 2 else 1 end status, count(*)
  from task_item where deleted_at is null group by 1;
select t.id, t.text, d.number, t.section, t.deadline_text, t.due_rolled_on, t.completed_on,
       (select json_agg(json_build_object('role', ta.role, 'name', coalesce(a.short_name, a.name)) order by ta.ordinal)
          from task_agency ta join agency a on a.id = ta.agency_id where ta.task_id = t.id)
  from task_item t join directive d on d.id = t.directive_id
 where t.deleted_at is null order by t.directive_id, t.id limit 50;
