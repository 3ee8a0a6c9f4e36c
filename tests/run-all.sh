#!/usr/bin/env bash
# Runs every test project of the solution on a fresh machine: restores packages, builds, tests,
# and ends with one line "N passed, N failed". Exit status is non-zero if anything failed.
# Usage: bash tests/run-all.sh [extra dotnet test arguments]
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# The browser tests (tests/NewsReader.E2E) drive Debian's Chromium; Playwright's own browser download
# cannot work here. Install it only when missing (CI runs as root on a fresh machine).
if [ ! -x /usr/bin/chromium ]; then
  echo "Installing Debian chromium for the browser tests..." >&2
  sudo_cmd=""
  if [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1; then sudo_cmd="sudo"; fi
  if ! { $sudo_cmd apt-get update && DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y chromium; } >&2; then
    echo "Could not install chromium: the browser tests will fail." >&2
  fi
fi

results="$(mktemp -d)"
trap 'rm -rf "$results"' EXIT

# The store tests run against SQLite and PostgreSQL: a throwaway PostgreSQL server lives for the run
# (tests/with-postgres.sh installs Debian's postgresql when missing and always stops the server).
bash tests/with-postgres.sh dotnet test NewsReader.sln -c Release --logger "trx" --results-directory "$results" "$@"
status=$?

passed=0
failed=0
for trx in "$results"/*.trx; do
  [ -e "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
  f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0}))
done

if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  echo "dotnet test exited with status $status (build or run error)" >&2
fi
echo "$passed passed, $failed failed"
exit "$status"
