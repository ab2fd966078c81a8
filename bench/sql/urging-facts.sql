-- The baseline of the daily urging run: the facts it reads about every open task, by hand, in one query
-- (its rules then run in C# and its writes are two bulk statements). Day: 2026-11-30.
select count(*), count(b.item), max(p.last_on)
  from task_item t
  join directive d on d.id = t.directive_id
  left join (select task_id, max(reported_on) last_on from progress_update
              where deleted_at is null and reported_on <= date '2026-11-30' group by task_id) p on p.task_id = t.id
  left join (select task_id item, max(day) filter (where kind = 'escalated_to_head') head
               from urging where kind in ('escalated_to_head', 'escalated_to_secretariat', 'stale', 'unassigned')
                and day < date '2026-11-30' and task_id is not null group by task_id) b on b.item = t.id
 where t.deleted_at is null and (t.completed_on is null or t.completed_on > date '2026-11-30');
