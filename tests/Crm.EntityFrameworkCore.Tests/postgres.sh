#!/usr/bin/env bash
# A throwaway PostgreSQL cluster on loopback for the EF Core tests.
#   postgres.sh start   installs PostgreSQL from Debian's packages when missing, initialises a cluster under /tmp,
#                       starts it on 127.0.0.1 and prints the connection string for CRM_TEST_POSTGRES
#   postgres.sh stop    stops the cluster and deletes it
#   postgres.sh env     prints the connection string of a running cluster
# Usage in CI:  export CRM_TEST_POSTGRES="$(bash tests/Crm.EntityFrameworkCore.Tests/postgres.sh start)"
# Everything but the connection string goes to stderr.
set -euo pipefail

DIR="${CRM_PG_DIR:-/tmp/crm-ef-postgres}"
PORT="${CRM_PG_PORT:-55432}"
DB=crm_tests
CONN="Host=127.0.0.1;Port=$PORT;Username=postgres;Database=$DB;Pooling=true;Maximum Pool Size=200;Timeout=30;Command Timeout=300"

log() { echo "postgres.sh: $*" >&2; }

find_bin() {
  local d
  for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    if [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ]; then echo "$d"; return 0; fi
  done
  return 1
}

install_postgres() {
  if ! command -v apt-get >/dev/null 2>&1; then
    log "PostgreSQL is not installed and apt-get is unavailable; install PostgreSQL (initdb, pg_ctl) first."
    exit 1
  fi
  log "installing PostgreSQL from Debian's packages"
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -q postgresql >/dev/null 2>&1 \
    || { apt-get update -q >/dev/null 2>&1 && apt-get install -y -q postgresql >/dev/null 2>&1; } \
    || { log "apt-get install postgresql failed"; exit 1; }
}

# Runs a command as the postgres user when we are root (initdb refuses root), as ourselves otherwise.
as_owner() {
  if [ "$(id -u)" = 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

start() {
  local bin
  bin=$(find_bin) || { install_postgres; bin=$(find_bin) || { log "initdb not found after installing"; exit 1; }; }
  if [ -f "$DIR/data/postmaster.pid" ] && as_owner "$bin/pg_ctl" -D "$DIR/data" status >/dev/null 2>&1; then
    log "already running on port $PORT"
    echo "$CONN"
    return 0
  fi
  rm -rf "$DIR"
  mkdir -p "$DIR"
  if [ "$(id -u)" = 0 ]; then
    id postgres >/dev/null 2>&1 || useradd --system --home-dir "$DIR" --shell /usr/sbin/nologin postgres
    chown postgres "$DIR"
  fi
  as_owner "$bin/initdb" -D "$DIR/data" -U postgres --auth=trust --encoding=UTF8 --no-locale >"$DIR/initdb.log" 2>&1 \
    || { cat "$DIR/initdb.log" >&2; exit 1; }
  # A throwaway cluster: no durability needed, loopback only, enough connections for the parallel-writer tests.
  as_owner "$bin/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $PORT -c unix_socket_directories=$DIR -c max_connections=2000 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
    start >&2 || { cat "$DIR/server.log" >&2; exit 1; }
  as_owner "$bin/psql" -h 127.0.0.1 -p "$PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 -q -c "CREATE DATABASE $DB" >&2
  log "running on 127.0.0.1:$PORT (data in $DIR)"
  echo "$CONN"
}

stop() {
  local bin
  if bin=$(find_bin) && [ -d "$DIR/data" ]; then
    as_owner "$bin/pg_ctl" -D "$DIR/data" -m fast -w stop >&2 || true
  fi
  rm -rf "$DIR"
  log "stopped"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  env) echo "$CONN" ;;
  *) echo "usage: $0 start|stop|env" >&2; exit 2 ;;
esac
