#!/usr/bin/env bash
# A PostgreSQL cluster for the scale benchmark (Store/ScaleReport.cs) that outlives one run, so a
# million-story store is imported once: `start` makes it (first time) and starts it, then prints the
# connection string; `stop` stops it. Debian's PostgreSQL 15, default durability (fsync and
# synchronous commit on, unlike the tests' throwaway server); shared_buffers 1 GB.
# Usage: bash tests/NewsReader.Benchmarks/Store/bench-postgres.sh start|stop [FOLDER] [PORT]
set -euo pipefail
folder="${2:-/tmp/nrbench/pg}"
port="${3:-25433}"
bin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
as_owner=()
[ "$(id -u)" -eq 0 ] && as_owner=(runuser -u postgres --)

case "${1:-}" in
  start)
    if [ ! -d "$folder/data" ]; then
      mkdir -p "$folder"
      [ "$(id -u)" -eq 0 ] && chown postgres "$folder"
      printf 'bench\n' >"$folder/pw"
      [ "$(id -u)" -eq 0 ] && chown postgres "$folder/pw"
      "${as_owner[@]}" "$bin/initdb" -D "$folder/data" -U newsreader --pwfile="$folder/pw" --auth=scram-sha-256 -E UTF8 --locale=C.UTF-8 >"$folder/initdb.log"
    fi
    "${as_owner[@]}" "$bin/pg_ctl" -D "$folder/data" -l "$folder/server.log" -w -t 120 \
      -o "-p $port -k $folder -c listen_addresses=127.0.0.1 -c shared_buffers=1GB -c max_wal_size=4GB" start >/dev/null
    echo "Host=127.0.0.1;Port=$port;Username=newsreader;Password=bench;Database=postgres"
    ;;
  stop)
    "${as_owner[@]}" "$bin/pg_ctl" -D "$folder/data" -m fast -w stop >/dev/null
    ;;
  *)
    echo "usage: $0 start|stop [FOLDER] [PORT]" >&2
    exit 2
    ;;
esac
