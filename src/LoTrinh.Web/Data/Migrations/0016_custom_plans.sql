-- Every query the app sends carries the reader's scope as parameters (reads all? the viewer's agency…), and Npgsql
-- prepares the frequent statements. After five executions PostgreSQL may switch a prepared statement to a generic
-- plan, which cannot know that "reads all" is true: measured at national scale, the dashboard's tally went from an
-- index-only scan of 80 ms to an index scan with a per-row scope filter of 360 ms. Plans made for the actual values
-- cost a millisecond to make; the database keeps that choice for every session (issue 14).
do $$
begin
  execute format('alter database %I set plan_cache_mode = force_custom_plan', current_database());
end
$$;
