#!/usr/bin/env bash
# Run a command against a throw-away PostgreSQL 15 server.
#
#   scripts/with-postgres.sh CMD [ARGS...]
#
# Starts a server in a fresh temporary directory on a free local port (unix socket and
# 127.0.0.1 only), creates a database, exports DATABASE_URL for CMD, and stops the server
# and removes the directory when CMD ends, however it ends. initdb refuses to run as root,
# so as root the server runs as the `postgres` user in a directory that user owns.
# PG_BIN overrides where the server binaries are (default /usr/lib/postgresql/15/bin).
set -euo pipefail

if [[ $# -eq 0 ]]; then
  echo "usage: $0 CMD [ARGS...]" >&2
  exit 2
fi

PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
if [[ ! -x "$PG_BIN/initdb" ]]; then
  echo "with-postgres: no PostgreSQL server in $PG_BIN (install postgresql-15)" >&2
  exit 1
fi

as_owner() {
  if [[ $(id -u) -eq 0 ]]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

PGTMP=$(mktemp -d -t trienkhai-pg.XXXXXX)
chmod 755 "$PGTMP"
if [[ $(id -u) -eq 0 ]]; then
  chown postgres: "$PGTMP"
fi
DATA="$PGTMP/data"
PORT=$(free_port)

stop() {
  as_owner "$PG_BIN/pg_ctl" -D "$DATA" -m immediate -w stop >/dev/null 2>&1 || true
  rm -rf "$PGTMP"
}
trap stop EXIT INT TERM

as_owner "$PG_BIN/initdb" -D "$DATA" -U trienkhai --auth=trust -E UTF8 --locale=C.UTF-8 \
  --no-sync >"$PGTMP/initdb.log" 2>&1 || {
  cat "$PGTMP/initdb.log" >&2
  exit 1
}
as_owner "$PG_BIN/pg_ctl" -D "$DATA" -l "$PGTMP/server.log" -w -t 30 \
  -o "-p $PORT -k $PGTMP -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
  start >/dev/null || {
  cat "$PGTMP/server.log" >&2
  exit 1
}
as_owner "$PG_BIN/createdb" -h 127.0.0.1 -p "$PORT" -U trienkhai trienkhai

export DATABASE_URL="postgres://trienkhai@127.0.0.1:$PORT/trienkhai"
echo "with-postgres: PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on port $PORT" >&2
set +e
"$@"
status=$?
set -e
exit $status
