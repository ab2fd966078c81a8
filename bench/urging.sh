#!/usr/bin/env bash
# The daily urging run (issue 17) at national scale: 200,000 tasks and 20,000 people, against the hand-written SQL
# that reads the same facts, in one run on the same machine.
#
#   ./bench/urging.sh          # provisions, builds, loads the national programme once if needed, then measures
#
# Prints a Markdown table (bench/README.md shows the last one): the run's seconds and round trips to PostgreSQL
# (every command Npgsql sends), its urges and notifications, a second run of the same day (nothing to add), and
# the baseline query's time.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
DATABASE=lotrinh_bench
DAY=2026-11-30
NEXT=2026-12-01
PEOPLE=20000
lotrinh_postgres "$DATABASE" >/dev/null
dotnet build src/LoTrinh.Web -c Release -v quiet -nologo >/dev/null
LOTRINH=src/LoTrinh.Web/bin/Release/net10.0/lotrinh
"$LOTRINH" migrate >/dev/null
owner_psql() { psql "postgresql://lotrinh:${LOTRINH_DB_PASSWORD:-lotrinh-local-only}@127.0.0.1/$DATABASE" -Atq "$@"; }
if [ "$(owner_psql -c "select count(*) from task_item")" -lt 100000 ]; then
  "$LOTRINH" seed --synthetic national >/dev/null
fi

# The people: officers and heads of the agencies that lead tasks, spread evenly, each with an address; the day's
# earlier run (if any) forgotten so the run below does the whole day's work.
owner_psql <<SQL >/dev/null
delete from notification where urging_id in (select id from urging where day >= date '$DAY');
delete from urging where day >= date '$DAY';
delete from urging_run where day >= date '$DAY';
delete from app_user where user_name like 'bench-urge-%';
with leads as (select id, row_number() over (order by id) - 1 as i, count(*) over () as n
                 from agency where id in (select lead_agency_id from task_item where lead_agency_id is not null))
insert into app_user (user_name, normalized_user_name, display_name, role, agency_id, email, normalized_email)
select 'bench-urge-' || p, upper('bench-urge-' || p), 'Người nhận ' || p,
       case when p % 4 = 0 then 'agency_head' else 'agency_officer' end,
       (select id from leads where i = p % n), 'bench-urge-' || p || '@example.vn', upper('bench-urge-' || p || '@example.vn')
  from generate_series(0, $PEOPLE - 1) p, (select max(n) n from leads) c;
vacuum analyze app_user;
SQL

TASKS=$(owner_psql -c "select count(*) from task_item where deleted_at is null and (completed_on is null or completed_on > date '$DAY')")
PEOPLE_NOW=$(owner_psql -c "select count(*) from app_user where agency_id is not null")
BASELINE=$(owner_psql -c '\timing on' -f bench/sql/urging-facts.sql | sed -n 's/^Time: \([0-9.]*\) ms.*/\1/p' | tail -n 1)
FIRST=$("$LOTRINH" urge --day "$DAY")
SECOND=$("$LOTRINH" urge --day "$DAY")
THIRD=$("$LOTRINH" urge --day "$NEXT")
field() { python3 -c 'import json, sys; print(json.loads(sys.argv[1])[sys.argv[2]])' "$1" "$2"; }
ms() { python3 -c "print(round(float('$(field "$1" seconds)') * 1000))"; }
row() { echo "| $1 | $(ms "$2") | $(field "$2" roundTrips) | $(field "$2" urges) | $(field "$2" notified) | $(python3 -c "print(round($(ms "$2") / $BASELINE, 1))")× |"; }

echo "Figures of $(date -u +%F) on this machine ($(nproc) cores): $TASKS open tasks, $PEOPLE_NOW people of agencies, day $DAY"
echo
echo "| run | ms | round trips | urges | notifications | ÷ baseline |"
echo "|---|---:|---:|---:|---:|---:|"
echo "| baseline: the facts query by hand (bench/sql/urging-facts.sql) | $BASELINE | 1 | | | 1.0× |"
row "first run on a programme with years of backlog (every overdue task escalated once, every quiet one flagged)" "$FIRST"
row "the same day again (already run: nothing added)" "$SECOND"
row "the next working day ($NEXT): the steady state" "$THIRD"
