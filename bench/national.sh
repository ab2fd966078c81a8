#!/usr/bin/env bash
# National scale: LoTrinh's requests against the hand-written SQL for the same figures, in one run, on the
# same machine, with the national synthetic programme (lotrinh seed --synthetic national).
#
#   ./bench/national.sh            # provisions, builds, loads the programme once (≈ 8 min), then measures
#   SECONDS_PER_RUN=20 ./bench/national.sh
#
# Prints a Markdown table (bench/README.md shows the last one): p50 / p95 / requests per second at 1 client
# for each request, the hand-written SQL (pgbench, same database, same client count), their ratio, the
# board at 4 clients, a trivial endpoint of the same server, and the web process's memory.
source "$(dirname "$0")/serve.sh"

AS_OF=$(date +%F)
LUA=$(mktemp --suffix .lua)
cat > "$LUA" <<'LUA'
done = function(summary, latency, requests)
  io.write(string.format("%.1f %.1f %.1f %d\n", latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    summary.requests / (summary.duration / 1000000), summary.errors.status + summary.errors.connect + summary.errors.timeout))
end
LUA

# web URL [clients] [public] → "p50 p95 rps errors"
web() {
  local clients=${2:-1} header=(-H "Authorization: Bearer $TOKEN")
  [ "${3:-}" = public ] && header=()
  # Warm, as a server that has been serving: .NET compiles a method quickly first and optimised after ~30 calls
  # (tiered compilation); measured cold, a request of a few per second is measured mostly before that (8 s: 30 calls
  # of the slowest request, the dashboard at ≈ 4 a second).
  wrk -t "$clients" -c "$clients" -d 8s "${header[@]}" "http://127.0.0.1:$PORT$1" >/dev/null
  wrk -t "$clients" -c "$clients" -d "${RUN}s" "${header[@]}" -s "$LUA" "http://127.0.0.1:$PORT$1" | tail -n 1
}

# sql FILE [clients] → "p50 p95 tps": pgbench's per-transaction log, as the serving role.
sql() {
  local clients=${2:-1} dir file
  dir=$(mktemp -d)
  file=$(realpath "$1")
  (cd "$dir" && PGPASSWORD="${LOTRINH_APP_DB_PASSWORD:-lotrinh-app-local-only}" pgbench -n -h 127.0.0.1 -U lotrinh_app -c "$clients" -j "$clients" \
     -T "$RUN" -f "$file" -l "$DATABASE" >/dev/null 2>&1)
  cat "$dir"/pgbench_log.* | awk '{print $3 / 1000}' | sort -n | awk -v run="$RUN" '
    { v[NR] = $1 } END { printf "%.1f %.1f %.1f\n", v[int(NR * 0.5) + 1], v[int(NR * 0.95)], NR / run }'
  rm -rf "$dir"
}

HAND=bench/sql
# Home for a leader is the dashboard; the programme's lists below it come in a second request (htmx), measured on their own.
row() { # label web-url sql-file (in bench/sql, or a path) [clients] [public]
  local w s file=$3
  [[ $file = /* ]] || file="$HAND/$file"
  w=$(web "$2" "${4:-1}" "${5:-}")
  s=$(sql "$file" "${4:-1}")
  read -r wp50 wp95 wrps werr <<<"$w"
  read -r sp50 sp95 srps <<<"$s"
  printf '| %s | %s | %s / %s | %s | %s / %s | %s | %.1f× | %s |\n' "$1" "${4:-1}" "$wp50" "$wp95" "$wrps" "$sp50" "$sp95" "$srps" \
    "$(echo "$wp95 $sp95" | awk '{print ($2 > 0 ? $1 / $2 : 0)}')" "$werr"
}

# The standby (the tests' replica, when there is one) replays what the vacuum above and the round wrote: measured while
# it does, the first rows share the machine's two cores with it. Wait (at most 5 minutes) until it has caught up.
for _ in $(seq 1 300); do
  [ "$(runuser -u postgres -- psql -Atc "select count(*) from pg_stat_replication where replay_lsn < pg_current_wal_lsn()" 2>/dev/null || echo 0)" = 0 ] && break
  sleep 1
done

echo
echo "Figures of $(date +%F) on this machine ($(nproc) cores), national synthetic programme:"
owner_psql -c "select format('%s directives, %s tasks (%s agency links), %s targets, %s figures, %s agencies',
  (select count(*) from directive), (select count(*) from task_item), (select count(*) from task_agency),
  (select count(*) from target), (select count(*) from measurement), (select count(*) from agency))"
echo
echo "| request | clients | LoTrinh p50 / p95 ms | LoTrinh req/s | SQL p50 / p95 ms | SQL tx/s | p95 ÷ SQL p95 | errors |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|"
row "trivial: /health/live" "/health/live" trivial.sql
row "home / (leadership: the dashboard)" "/" dashboard.sql
row "home's programme lists (/?handler=Programme)" "/?handler=Programme" home-programme.sql
row "/api/dashboard?asOf" "/api/dashboard?asOf=$AS_OF" dashboard.sql
row "home's targets by progress (/?handler=Targets)" "/?handler=Targets&asOf=$AS_OF" targets-progress.sql
row "/api/tasks?asOf" "/api/tasks?asOf=$AS_OF&pageSize=50" tasks.sql
row "/api/tasks?asOf&status=in_progress_overdue" "/api/tasks?asOf=$AS_OF&status=in_progress_overdue&pageSize=50" tasks-overdue.sql
row "/Tasks?asOf" "/Tasks?asOf=$AS_OF" tasks.sql
row "/Tasks?asOf" "/Tasks?asOf=$AS_OF" tasks.sql 4
row "/api/targets (public)" "/api/targets" targets.sql 1 public
row "/Agencies" "/Agencies" agencies.sql
row "/api/directives (public)" "/api/directives" directives-public.sql 1 public
row "/api/indicators/{id}" "/api/indicators/$(owner_psql -c "select id from indicator order by id desc limit 1")" indicator.sql
row "/api/indicators/{id}/localities" "/api/indicators/$(owner_psql -c "select id from indicator order by id desc limit 1")/localities" indicator-localities.sql

# Kept results (FiguresCache) against the first request after a write: the version moved, so the server computes again.
# cold URL → "median max" ms over 5 requests, each right after a write.
cold() {
  local times=()
  for _ in 1 2 3 4 5; do
    owner_psql -c "update figures_version set version = version + 1" >/dev/null  # both kinds
    times+=("$(curl -s -o /dev/null -w '%{time_total}' -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$PORT$1" | awk '{print $1 * 1000}')")
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{ v[NR] = $1 } END { printf "%.0f / %.0f", v[3], v[5] }'
}
echo
echo "| request computed again (first after a write) | median / max of 5, ms |"
echo "|---|---:|"
printf '| home / (leadership: the dashboard) | %s |\n' "$(cold /)"
printf "| home's programme lists (/?handler=Programme) | %s |\n" "$(cold '/?handler=Programme')"
printf '| /api/dashboard?asOf | %s |\n' "$(cold "/api/dashboard?asOf=$AS_OF")"
printf "| home's targets by progress (/?handler=Targets) | %s |\n" "$(cold "/?handler=Targets&asOf=$AS_OF")"

# Bulk figures: a quarter of the national figures (100 indicators × every unit = 335,500 values) for a day of
# this run (so every run inserts), through the API, against raw COPY of the same rows into the same table (with
# its audit trigger) in a transaction rolled back.
DAY=$(date -d "2040-01-01 + $(( $(date +%s) / 60 % 20000 )) days" +%F)
CSV=/tmp/lotrinh-bulk.csv
RAW=/tmp/lotrinh-bulk-raw.csv
Q="select i.id indicator, u.code unit_code, '$DAY' period_start, '$DAY' period_end, 'Ngày $DAY' period_label, round((10 + (i.id * 7 + u.id) % 80)::numeric, 2) as value, 'Đo hiệu năng' source from (select id from indicator order by id limit 100) i cross join administrative_unit u where u.valid_to is null order by i.id, u.code"
owner_psql -c "\\copy ($Q) to '$CSV' with csv header"
Q="select i.id, u.id, date '$DAY' + 1, date '$DAY' + 1, 'Ngày', round((10 + (i.id * 7 + u.id) % 80)::numeric, 2), 'Đo hiệu năng', 'bench' from (select id from indicator order by id limit 100) i cross join administrative_unit u where u.valid_to is null order by i.id, u.code"
owner_psql -c "\\copy ($Q) to '$RAW' with csv"
ROWS=$(($(wc -l < "$CSV") - 1))
START=$(date +%s.%N)
RESULT=$(curl -s -H "Authorization: Bearer $ADMIN" -F "file=@$CSV;type=text/csv" "http://127.0.0.1:$PORT/api/measurements/import")
IMPORT_S=$(echo "$START $(date +%s.%N)" | awk '{print $2 - $1}')
START=$(date +%s.%N)
owner_psql <<SQL >/dev/null
begin;
\copy measurement (indicator_id, administrative_unit_id, period_start, period_end, period_label, value, source, entered_by) from '$RAW' with csv
rollback;
SQL
COPY_S=$(echo "$START $(date +%s.%N)" | awk '{print $2 - $1}')
echo
echo "| bulk figures ($ROWS values) | seconds | rows/s |"
echo "|---|---:|---:|"
printf '| LoTrinh: CSV upload → staging COPY → set checks → merge (audited) | %.1f | %.0f |\n' "$IMPORT_S" "$(echo "$ROWS $IMPORT_S" | awk '{print $1 / $2}')"
printf '| raw COPY into measurement (audited, rolled back) | %.1f | %.0f |\n' "$COPY_S" "$(echo "$ROWS $COPY_S" | awk '{print $1 / $2}')"
echo "Import answered: $RESULT" | cut -c1-200

echo
RSS=$(awk '/VmRSS/ {print int($2 / 1024)}' "/proc/$APP/status")
PEAK=$(awk '/VmHWM/ {print int($2 / 1024)}' "/proc/$APP/status")
echo "Web process: RSS ${RSS} MB after the run, peak ${PEAK} MB."
