-- The dashboard as of today (GET /api/dashboard, and the top of home for a leader): one pass over the tasks grouped by
-- directive, class and when the deadline falls; the lead agencies' tallies (the task's lead column, migration 0009); the names of the 20 lines shown; the 50
-- longest overdue with their lead and last progress; the 20 falling due within 30 days.
with classified as (
  select t.id, t.directive_id, t.due_rolled_on,
         case when completed_on is not null and completed_on <= current_date then case when completed_on > due_rolled_on then 4 else 3 end
              when deadline_precision = 'recurring' then 5
              when due_rolled_on is null then 6 when current_date > due_rolled_on then 2 else 1 end status
    from task_item t where deleted_at is null)
select directive_id, status,
       case when due_rolled_on is null then 3 when due_rolled_on <= current_date then 0 when due_rolled_on <= current_date + 7 then 1
            when due_rolled_on <= current_date + 30 then 2 else 3 end falls, count(*)
  from classified group by 1, 2, 3;
select t.lead_agency_id,
       case when completed_on is not null and completed_on <= current_date then case when completed_on > due_rolled_on then 4 else 3 end
            when deadline_precision = 'recurring' then 5
            when due_rolled_on is null then 6 when current_date > due_rolled_on then 2 else 1 end status, count(*)
  from task_item t where t.deleted_at is null and t.lead_agency_id is not null group by 1, 2;
select id, coalesce(number, kind || ' — ' || issuer_name) from directive order by id limit 20;
select id, coalesce(short_name, name) from agency order by id limit 20;
select t.id, t.text, coalesce(d.number, d.kind), t.deadline_text, t.due_rolled_on,
       (select coalesce(g.short_name, g.name) from task_agency a join agency g on g.id = a.agency_id
         where a.task_id = t.id and a.role = 'lead' order by a.ordinal limit 1),
       (select max(p.reported_on) from progress_update p where p.task_id = t.id and p.reported_on <= current_date and p.deleted_at is null)
  from task_item t join directive d on d.id = t.directive_id
 where t.deleted_at is null and (t.completed_on is null or t.completed_on > current_date) and t.due_rolled_on < current_date
   and not (t.deadline_precision = 'recurring')
 order by t.due_rolled_on, t.id limit 50;
select t.id, t.text, coalesce(d.number, d.kind), t.deadline_text, t.due_rolled_on,
       (select coalesce(g.short_name, g.name) from task_agency a join agency g on g.id = a.agency_id
         where a.task_id = t.id and a.role = 'lead' order by a.ordinal limit 1),
       (select max(p.reported_on) from progress_update p where p.task_id = t.id and p.reported_on <= current_date and p.deleted_at is null)
  from task_item t join directive d on d.id = t.directive_id
 where t.deleted_at is null and (t.completed_on is null or t.completed_on > current_date) and t.due_rolled_on >= current_date
   and t.due_rolled_on <= current_date + 30 and not (t.deadline_precision = 'recurring')
 order by t.due_rolled_on, t.id limit 20;
