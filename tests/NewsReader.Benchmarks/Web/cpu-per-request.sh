#!/usr/bin/env bash
# CPU time the reader's process spends per request: N sequential GETs of one URL, the process's
# (utime + stime) before and after from /proc, divided by N. Less sensitive to other work on the
# machine than latency. Usage: cpu-per-request.sh PID URL [N]
set -euo pipefail
PID=$1; URL=$2; N=${3:-40}
TICK=$(getconf CLK_TCK)
cpu() { awk '{ print $14 + $15 }' "/proc/$PID/stat"; }
curl -s -o /dev/null "$URL"
a=$(cpu); t0=$(date +%s%N)
for _ in $(seq "$N"); do curl -s -o /dev/null "$URL"; done
b=$(cpu); t1=$(date +%s%N)
awk -v a="$a" -v b="$b" -v t="$TICK" -v n="$N" -v w=$(( (t1 - t0) / 1000 )) -v u="$URL" \
  'BEGIN { printf "%-60s %5.1f ms CPU/request, %6.1f ms wall/request\n", u, (b - a) * 1000 / t / n, w / 1000 / n }'
