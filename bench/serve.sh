#!/usr/bin/env bash
# Sourced by the national benchmarks (national.sh, export.sh): provisions PostgreSQL, builds the app (Release), loads
# the national synthetic programme once (lotrinh seed --synthetic national, ≈ 8 min), starts the server as run.sh does
# on port 5090, waits for its round, and leaves in $TOKEN a leader's access token, in $ADMIN an administrator's,
# in $APP the server's process, owner_psql and json as helpers. Extra server settings: $BENCH_SERVER_ENV
# (e.g. "Exports__PollMilliseconds=200").
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
export DEBIAN_FRONTEND=noninteractive
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }

DATABASE=lotrinh_bench
PORT=5090
RUN=${SECONDS_PER_RUN:-10}
lotrinh_postgres "$DATABASE"
dotnet build src/LoTrinh.Web -c Release -v quiet -nologo >/dev/null
LOTRINH=src/LoTrinh.Web/bin/Release/net10.0/lotrinh
"$LOTRINH" migrate >/dev/null
owner_psql() { psql "postgresql://lotrinh:${LOTRINH_DB_PASSWORD:-lotrinh-local-only}@127.0.0.1/$DATABASE" -Atq "$@"; }
if [ "$(owner_psql -c "select count(*) from task_item")" -lt 100000 ]; then
  "$LOTRINH" seed --synthetic national
fi
owner_psql -c "vacuum analyze" 2>/dev/null || true

# An administrator and a token, the way a person gets one: sign in on the page, ask the API.
PASSWORD="bench-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"
owner_psql -c "delete from access_token where user_id in (select id from app_user where user_name in ('bench', 'bench-leader'))" \
  -c "delete from user_session where user_id in (select id from app_user where user_name in ('bench', 'bench-leader'))" \
  -c "delete from app_user where user_name in ('bench', 'bench-leader')" >/dev/null
echo "$PASSWORD" | "$LOTRINH" admin create --user bench --name "Đo hiệu năng" --password-stdin >/dev/null

# Started as ./run.sh starts it: the project folder is the content root, so appsettings.json (its log levels: no line
# per SQL command) and wwwroot are the ones production reads.
env ${BENCH_SERVER_ENV:-} ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="http://127.0.0.1:$PORT" "$LOTRINH" --contentRoot "$PWD/src/LoTrinh.Web" >/tmp/lotrinh-bench.log 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do curl -fs "http://127.0.0.1:$PORT/Accounts/Login" >/dev/null && break; sleep 1; done

# A server's day: its round (deadlines, reporting periods, the day's urging and the days it missed) runs once, in the
# background, and then it serves. The requests are measured in that steady state: after the round of the last day due
# (Urging:Hour 7, Việt Nam time) and the six before it (Urging:CatchUpDays 7). How long the round took is printed; a programme's first round is the backlog of years.
DUE=$(TZ=Asia/Ho_Chi_Minh date -d "$( [ "$(TZ=Asia/Ho_Chi_Minh date +%-H)" -ge 7 ] && echo today || echo yesterday)" +%F)
ROUND_STARTED=$(date +%s)
for _ in $(seq 1 900); do [ "$(owner_psql -c "select count(*) from urging_run where day > date '$DUE' - 7 and day <= '$DUE'")" = 7 ] && break; sleep 1; done
echo "The server's round up to $DUE: done $(( $(date +%s) - ROUND_STARTED )) s after it started serving."

json() { python3 -c 'import json, sys; print(json.load(sys.stdin)[sys.argv[1]])' "$1"; }

# token_for USER PASSWORD: signs in on the page and asks the API for a personal access token.
token_for() {
  local jar form antiforgery
  jar=$(mktemp)
  form=$(curl -fs -c "$jar" "http://127.0.0.1:$PORT/Accounts/Login")
  antiforgery=$(echo "$form" | sed -n 's/.*name="__RequestVerificationToken" type="hidden" value="\([^"]*\)".*/\1/p' | head -n 1)
  curl -fs -b "$jar" -c "$jar" -o /dev/null --data-urlencode "UserName=$1" --data-urlencode "Password=$2" \
    --data-urlencode "__RequestVerificationToken=$antiforgery" "http://127.0.0.1:$PORT/Accounts/Login"
  curl -fs -b "$jar" -H "Origin: http://127.0.0.1:$PORT" -H "Content-Type: application/json" \
    -d '{"name":"bench","days":1}' "http://127.0.0.1:$PORT/api/account/tokens" | json token
  rm -f "$jar"
}
ADMIN=$(token_for bench "$PASSWORD")
[ -n "$ADMIN" ] || { echo "Không lấy được mã truy cập" >&2; exit 1; }
# The requests are a leader's (lãnh đạo): reads everything, manages nothing — the home page the issue measured.
LEADER_PASSWORD=$(curl -fs -H "Authorization: Bearer $ADMIN" -H "Content-Type: application/json" \
  -d '{"userName":"bench-leader","displayName":"Lãnh đạo (đo hiệu năng)","role":"leadership"}' \
  "http://127.0.0.1:$PORT/api/users" | json password)
TOKEN=$(token_for bench-leader "$LEADER_PASSWORD")
[ -n "$TOKEN" ] || { echo "Không lấy được mã truy cập của lãnh đạo" >&2; exit 1; }

