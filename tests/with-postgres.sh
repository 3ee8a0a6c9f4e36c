#!/usr/bin/env bash
# Runs a command with a throwaway PostgreSQL server: installs Debian's postgresql when missing,
# makes a new cluster in a temp folder, starts it on a free loopback port, exports its connection
# string as NEWSREADER_TEST_POSTGRES, runs the command, and always stops and deletes the cluster.
# The PostgreSQL tests read that variable; without it they fail (they never skip).
# Usage: bash tests/with-postgres.sh COMMAND [ARGS...]   (exit status: the command's)
set -uo pipefail

log() { echo "with-postgres: $*" >&2; }

sudo_cmd=""
if [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1; then sudo_cmd="sudo"; fi

find_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1; }

bin="$(find_bin)"
if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
  log "installing Debian's postgresql..."
  if ! { $sudo_cmd apt-get update && DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y postgresql; } >&2; then
    log "could not install postgresql"
  fi
  bin="$(find_bin)"
fi

folder="$(mktemp -d /tmp/newsreader-pg.XXXXXX)"
data="$folder/data"
started=0
as_owner=()
if [ "$(id -u)" -eq 0 ]; then
  # initdb and the server refuse to run as root: the cluster belongs to the postgres user.
  chown postgres "$folder" 2>/dev/null
  as_owner=(runuser -u postgres --)
fi

cleanup() {
  if [ "$started" -eq 1 ]; then
    "${as_owner[@]}" "$bin/pg_ctl" -D "$data" -m immediate -w stop >/dev/null 2>&1
  fi
  rm -rf "$folder"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

export NEWSREADER_TEST_POSTGRES=""
if [ -n "$bin" ] && [ -x "$bin/initdb" ]; then
  password="$(head -c 18 /dev/urandom | base64 | tr -d '/+=')"
  printf '%s\n' "$password" >"$folder/pw"
  chmod 600 "$folder/pw"
  [ "$(id -u)" -eq 0 ] && chown postgres "$folder/pw"
  if "${as_owner[@]}" "$bin/initdb" -D "$data" -U newsreader --pwfile="$folder/pw" --auth=scram-sha-256 \
      -E UTF8 --locale=C.UTF-8 >"$folder/initdb.log" 2>&1; then
    port=""
    for _ in $(seq 1 50); do
      candidate=$((20000 + RANDOM % 20000))
      if ! port_in_use "$candidate"; then port="$candidate"; break; fi
    done
    # A test server: durability off (a crash loses the cluster, which is thrown away anyway).
    options="-p $port -k $folder -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300"
    if [ -n "$port" ] && "${as_owner[@]}" "$bin/pg_ctl" -D "$data" -l "$folder/server.log" -o "$options" -w -t 60 start >/dev/null 2>&1; then
      started=1
      export NEWSREADER_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=newsreader;Password=$password;Database=postgres"
      log "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port"
    else
      log "PostgreSQL did not start; its log:"
      cat "$folder/server.log" >&2 2>/dev/null
    fi
  else
    log "initdb failed; its log:"
    cat "$folder/initdb.log" >&2
  fi
else
  log "no PostgreSQL server binaries found"
fi
[ -n "$NEWSREADER_TEST_POSTGRES" ] || { log "the PostgreSQL tests will fail (NEWSREADER_TEST_POSTGRES unset)"; unset NEWSREADER_TEST_POSTGRES; }

"$@"
status=$?
exit "$status"
