#!/usr/bin/env bash
# Sourced by run.sh and test.sh.
#
# lotrinh_postgres NAME: when ConnectionStrings__Default is not set, makes sure a local
# PostgreSQL from Debian's packages is installed and running, creates the database named by $1 and
# two roles: lotrinh, which owns the schema (migrates, seeds, backs up; may signal the app's
# connections), and lotrinh_app, which the app serves as (changes business rows, cannot touch the
# audit trail or any table's definition). Exports ConnectionStrings__Owner and ConnectionStrings__Default.
set -euo pipefail

lotrinh_postgres() {
  local database="$1"
  if [ -n "${ConnectionStrings__Default:-}" ]; then
    echo "Dùng PostgreSQL đã cấu hình trong ConnectionStrings__Default."
    return 0
  fi

  if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
    echo "Cài PostgreSQL từ gói Debian…"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq postgresql >/dev/null
  fi

  local version
  version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
  if ! pg_lsclusters -h 2>/dev/null | awk '{print $1" "$2}' | grep -q "^$version main$"; then
    pg_createcluster "$version" main >/dev/null
  fi
  lotrinh_postgres_settings "$version"
  if ! pg_lsclusters -h | awk -v v="$version" '$1==v && $2=="main" {print $4}' | grep -q online; then
    pg_ctlcluster "$version" main start
  fi
  local port
  port=$(pg_lsclusters -h | awk -v v="$version" '$1==v && $2=="main" {print $3}')

  local password="${LOTRINH_DB_PASSWORD:-lotrinh-local-only}"
  local app_password="${LOTRINH_APP_DB_PASSWORD:-lotrinh-app-local-only}"
  runuser -u postgres -- psql -q -p "$port" -v ON_ERROR_STOP=1 <<SQL
do \$\$ begin
  if not exists (select from pg_roles where rolname = 'lotrinh') then
    create role lotrinh login createdb password '$password';
  end if;
  if not exists (select from pg_roles where rolname = 'lotrinh_app') then
    create role lotrinh_app login nocreatedb nocreaterole password '$app_password';
  end if;
end \$\$;
grant pg_signal_backend to lotrinh;
SQL
  if ! runuser -u postgres -- psql -p "$port" -tAc "select 1 from pg_database where datname = '$database'" | grep -q 1; then
    runuser -u postgres -- createdb -p "$port" -O lotrinh "$database"
  fi

  export ConnectionStrings__Owner="Host=127.0.0.1;Port=$port;Database=$database;Username=lotrinh;Password=$password"
  export ConnectionStrings__Default="Host=127.0.0.1;Port=$port;Database=$database;Username=lotrinh_app;Password=$app_password"
}

# lotrinh_postgres_settings VERSION: the server set for LoTrinh's load (docs/postgresql.md says why each);
# restarts the cluster when they change.
lotrinh_postgres_settings() {
  local version="$1"
  local memory_mb shared_mb
  memory_mb=$(awk '/MemTotal/ {print int($2 / 1024)}' /proc/meminfo)
  shared_mb=$((memory_mb / 4)); [ "$shared_mb" -gt 4096 ] && shared_mb=4096
  local file="/etc/postgresql/$version/main/conf.d/lotrinh.conf"
  local wanted
  wanted=$(cat <<CONF
# Written by LoTrinh's scripts/setup.sh; see docs/postgresql.md.
jit = off
work_mem = '16MB'
shared_buffers = '${shared_mb}MB'
effective_cache_size = '$((memory_mb / 2))MB'
random_page_cost = 1.1
max_connections = 100
CONF
)
  if [ ! -f "$file" ] || [ "$(cat "$file")" != "$wanted" ]; then
    echo "$wanted" > "$file"
    if pg_lsclusters -h | awk -v v="$version" '$1==v && $2=="main" {print $4}' | grep -q online; then
      pg_ctlcluster "$version" main restart
    fi
  fi
}

# lotrinh_pgbouncer: pgbouncer (Debian's package) in transaction mode on 127.0.0.1:6432 in front of the local
# cluster, for the test that serves the app through it; exports LOTRINH_PGBOUNCER_PORT.
lotrinh_pgbouncer() {
  if [ -n "${LOTRINH_PGBOUNCER_PORT:-}" ]; then
    return 0
  fi
  if ! command -v pgbouncer >/dev/null; then
    echo "Cài pgbouncer từ gói Debian…"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq pgbouncer >/dev/null
  fi
  local version port
  version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
  port=$(pg_lsclusters -h | awk -v v="$version" '$1==v && $2=="main" {print $3}')
  install -d -o postgres -g postgres /etc/pgbouncer
  cat > /etc/pgbouncer/lotrinh.ini <<INI
[databases]
* = host=127.0.0.1 port=$port
[pgbouncer]
listen_addr = 127.0.0.1
listen_port = 6432
unix_socket_dir =
auth_type = scram-sha-256
auth_file = /etc/pgbouncer/lotrinh-users.txt
pool_mode = transaction
max_client_conn = 300
default_pool_size = 10
ignore_startup_parameters = extra_float_digits,options
pidfile = /var/run/postgresql/lotrinh-pgbouncer.pid
logfile = /var/log/postgresql/lotrinh-pgbouncer.log
INI
  printf '"lotrinh" "%s"\n"lotrinh_app" "%s"\n' "${LOTRINH_DB_PASSWORD:-lotrinh-local-only}" "${LOTRINH_APP_DB_PASSWORD:-lotrinh-app-local-only}" \
    > /etc/pgbouncer/lotrinh-users.txt
  chown postgres:postgres /etc/pgbouncer/lotrinh.ini /etc/pgbouncer/lotrinh-users.txt
  chmod 600 /etc/pgbouncer/lotrinh-users.txt
  if [ -f /var/run/postgresql/lotrinh-pgbouncer.pid ] && kill -0 "$(cat /var/run/postgresql/lotrinh-pgbouncer.pid)" 2>/dev/null; then
    kill -HUP "$(cat /var/run/postgresql/lotrinh-pgbouncer.pid)"
  else
    runuser -u postgres -- pgbouncer -d -q /etc/pgbouncer/lotrinh.ini
  fi
  export LOTRINH_PGBOUNCER_PORT=6432
}

# lotrinh_standby: a streaming standby of the local cluster (cluster "standby", port 5433), made with
# pg_basebackup, for the test that routes reads to it; exports LOTRINH_STANDBY_PORT. A standby that no longer
# streams (stopped while the primary recycled the WAL it needed) is made again.
lotrinh_standby() {
  if [ -n "${LOTRINH_STANDBY_PORT:-}" ]; then
    return 0
  fi
  local version primary password
  version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
  primary=$(pg_lsclusters -h | awk -v v="$version" '$1==v && $2=="main" {print $3}')
  password="${LOTRINH_REPLICA_PASSWORD:-lotrinh-replica-local-only}"
  runuser -u postgres -- psql -q -p "$primary" -v ON_ERROR_STOP=1 <<SQL
do \$\$ begin
  if not exists (select from pg_roles where rolname = 'lotrinh_replica') then
    create role lotrinh_replica login replication password '$password';
  end if;
end \$\$;
SQL
  local attempt
  for attempt in 1 2; do
    if ! pg_lsclusters -h | awk '{print $1" "$2}' | grep -q "^$version standby$"; then
      pg_createcluster "$version" standby -p 5433 >/dev/null
      local data="/var/lib/postgresql/$version/standby"
      rm -rf "${data:?}"/*
      runuser -u postgres -- env PGPASSWORD="$password" pg_basebackup -h 127.0.0.1 -p "$primary" -U lotrinh_replica -D "$data" -R -X stream -c fast
    fi
    if ! pg_lsclusters -h | awk -v v="$version" '$1==v && $2=="standby" {print $4}' | grep -q online; then
      pg_ctlcluster "$version" standby start || true
    fi
    local waited
    for waited in $(seq 1 20); do
      if [ "$(runuser -u postgres -- psql -p "$primary" -tAc "select count(*) from pg_stat_replication where usename = 'lotrinh_replica' and state = 'streaming'")" -gt 0 ]; then
        break 2
      fi
      sleep 0.5
    done
    echo "Bản sao (standby) không nhận được WAL; tạo lại…"
    pg_dropcluster --stop "$version" standby
  done
  # The routing test makes the standby lag by pausing its replay, as the owner role; function rights are per
  # database, so granted in the template the test databases are made from.
  runuser -u postgres -- psql -q -p "$primary" -d template1 \
    -c "grant execute on function pg_wal_replay_pause(), pg_wal_replay_resume(), pg_get_wal_replay_pause_state() to lotrinh"
  export LOTRINH_STANDBY_PORT=5433
}

lotrinh_chromium() {
  if [ ! -x /usr/bin/chromium ]; then
    echo "Cài Chromium từ gói Debian cho các kiểm thử trên trình duyệt…"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq chromium >/dev/null
  fi
}

# pdftotext (poppler-utils) reads the text layer of an uploaded PDF directive, columns kept (-layout).
lotrinh_poppler() {
  if ! command -v pdftotext >/dev/null 2>&1; then
    echo "Cài poppler-utils (pdftotext) từ gói Debian để đọc văn bản PDF…"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq poppler-utils >/dev/null
  fi
}

# LibreOffice headless prints the periodic report (DOCX) to PDF; the fonts give Times New Roman's metrics (Liberation
# Serif) where Microsoft's fonts are not installed. Without it the report is still served as DOCX.
lotrinh_libreoffice() {
  if ! command -v soffice >/dev/null 2>&1; then
    echo "Cài LibreOffice (không giao diện) từ gói Debian để in báo cáo ra PDF…"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends libreoffice-writer-nogui fonts-liberation >/dev/null
  fi
}

# Installs the pinned front-end packages and builds the solution.
lotrinh_build() {
  local configuration="$1"
  (cd src/LoTrinh.Web && npm ci --no-audit --no-fund --silent)
  dotnet restore LoTrinh.slnx --locked-mode
  dotnet build LoTrinh.slnx -c "$configuration" --no-restore
}
