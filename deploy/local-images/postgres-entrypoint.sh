#!/bin/bash
# The official postgres image's start-up contract, for Debian's PostgreSQL: on an empty $PGDATA, initdb with
# POSTGRES_USER (default postgres) / POSTGRES_PASSWORD, optional POSTGRES_DB, then run /docker-entrypoint-initdb.d/
# (*.sql, *.sql.gz, *.sh) against a socket-only server; then the server, on every address, scram-sha-256 over TCP.
set -Eeuo pipefail
[ "${1:-}" = postgres ] || exec "$@"

if [ "$(id -u)" = 0 ]; then
  mkdir -p "$PGDATA" /var/run/postgresql
  chown postgres:postgres "$PGDATA" /var/run/postgresql
  chmod 700 "$PGDATA"
  exec setpriv --reuid=postgres --regid=postgres --init-groups "$0" "$@"
fi

if [ ! -s "$PGDATA/PG_VERSION" ]; then
  : "${POSTGRES_PASSWORD:?POSTGRES_PASSWORD must be set (the official image refuses to start without it too)}"
  user="${POSTGRES_USER:-postgres}" db="${POSTGRES_DB:-${POSTGRES_USER:-postgres}}"
  initdb --username="$user" --pwfile=<(printf '%s\n' "$POSTGRES_PASSWORD") --auth-local=trust \
    --auth-host=scram-sha-256 ${POSTGRES_INITDB_ARGS:-}
  printf 'host all all all %s\n' "${POSTGRES_HOST_AUTH_METHOD:-scram-sha-256}" >> "$PGDATA/pg_hba.conf"
  printf "listen_addresses = '*'\n" >> "$PGDATA/postgresql.conf"
  pg_ctl -D "$PGDATA" -o "-c listen_addresses=''" -w start
  psql=(psql -v ON_ERROR_STOP=1 --no-psqlrc -U "$user")
  [ "$db" = postgres ] || "${psql[@]}" -d postgres -c "CREATE DATABASE \"$db\""
  for f in /docker-entrypoint-initdb.d/*; do
    case "$f" in
      *.sh) echo "init: running $f"; . "$f" ;;
      *.sql) echo "init: running $f"; "${psql[@]}" -d "$db" -f "$f" ;;
      *.sql.gz) echo "init: running $f"; gunzip -c "$f" | "${psql[@]}" -d "$db" ;;
    esac
  done
  pg_ctl -D "$PGDATA" -m fast -w stop
fi
exec "$@"   # postgres reads $PGDATA
