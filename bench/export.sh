#!/usr/bin/env bash
# A long export at national scale (issue 18): every task of the country (≈ 202,000) as one XLSX, written in the
# background by the server, against the hand-written SQL reading the same rows (psql \copy to CSV, bench/sql/
# tasks-export.sql) in the same run; and the web process's resident memory while it writes, sampled every 100 ms.
#
#   ./bench/export.sh     # provisions and loads the national programme as national.sh does, if not yet loaded
set -euo pipefail
BENCH_SERVER_ENV="Exports__PollMilliseconds=200"
source "$(dirname "$0")/serve.sh"

AS_OF=$(date +%F)
FORMAT=${FORMAT:-xlsx}
rss() { awk '/VmRSS/ {print int($2 / 1024)}' "/proc/$APP/status"; }

# The baseline: the rows the file holds, read by PostgreSQL and written as CSV by psql.
BASE_STARTED=$(date +%s.%N)
ROWS=$(psql "postgresql://lotrinh:${LOTRINH_DB_PASSWORD:-lotrinh-local-only}@127.0.0.1/$DATABASE" -Atq -v as_of="$AS_OF" \
  -f bench/sql/tasks-export.sql | wc -l)
BASE=$(echo "$(date +%s.%N) - $BASE_STARTED" | bc)

# A small export first, so the server has loaded what an export needs (the first request's one-off costs).
WARM=$(curl -fs -X POST -H "Authorization: Bearer $TOKEN" -D - -o /dev/null \
  "http://127.0.0.1:$PORT/api/tasks/export?format=xlsx&asOf=$AS_OF&status=in_progress_overdue&q=zzzz" | sed -n 's/^[Ll]ocation: \(.*\)\r$/\1/p')
for _ in $(seq 1 100); do [ "$(curl -fs -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$PORT$WARM" | json state)" = done ] && break; sleep 0.2; done

BEFORE=$(rss)
STARTED=$(date +%s.%N)
JOB=$(curl -fs -X POST -H "Authorization: Bearer $TOKEN" -D - -o /dev/null \
  "http://127.0.0.1:$PORT/api/tasks/export?format=$FORMAT&asOf=$AS_OF" | sed -n 's/^[Ll]ocation: \(.*\)\r$/\1/p')
PEAK=$BEFORE
STATE=queued
while [ "$STATE" != done ] && [ "$STATE" != failed ]; do
  NOW=$(rss); [ "$NOW" -gt "$PEAK" ] && PEAK=$NOW
  sleep 0.1
  STATE=$(curl -fs -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$PORT$JOB" | json state)
done
ELAPSED=$(echo "$(date +%s.%N) - $STARTED" | bc)
[ "$STATE" = done ] || { echo "The export failed: $(curl -fs -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$PORT$JOB")" >&2; exit 1; }
EXPORTED=$(curl -fs -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$PORT$JOB" | json rowsDone)
SIZE=$(curl -fs -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$PORT$JOB" | json sizeBytes)
DOWNLOAD_STARTED=$(date +%s.%N)
curl -fs -H "Authorization: Bearer $TOKEN" -o /dev/null "http://127.0.0.1:$PORT$JOB/file"
DOWNLOAD=$(echo "$(date +%s.%N) - $DOWNLOAD_STARTED" | bc)
AFTER=$(rss)

printf '| what | rows | time (s) | ratio |\n|---|---:|---:|---:|\n'
printf '| hand-written SQL, psql \\copy to CSV (baseline) | %s | %.1f | 1.0 |\n' "$ROWS" "$BASE"
printf '| LoTrinh: XLSX written in the background, queued → done | %s | %.1f | %.1f |\n' "$EXPORTED" "$ELAPSED" "$(echo "$ELAPSED / $BASE" | bc -l)"
printf '| the file downloaded (%s MB, streamed from PostgreSQL) | | %.1f | |\n' "$(( SIZE / 1024 / 1024 ))" "$DOWNLOAD"
echo
echo "Web process RSS: ${BEFORE} MB before, ${PEAK} MB at most while writing (+$(( PEAK - BEFORE )) MB), ${AFTER} MB after the download."
