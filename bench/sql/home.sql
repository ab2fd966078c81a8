-- Home for leadership: tasks per status class as of today (the overdue count is one of them), directives with text, targets in force.
select count(*) filter (where completed_on is not null and completed_on <= current_date) done,
       count(*) filter (where (completed_on is null or completed_on > current_date) and due_on < current_date and deadline_precision <> 'recurring') overdue,
       count(*) total
  from task_item where deleted_at is null;
select count(*) from directive where full_text is not null;
select id, number, title, issued_on from directive where full_text is not null order by issued_on desc nulls last, id desc limit 20;
select count(*) from target t where deleted_at is null and not exists (select from target r where r.revises_target_id = t.id);
