#!/usr/bin/env bash
# Pages at 16 connections (wrk) against one address: an app instance, or nginx in front of several
# (issue 18, docs/deploy.md). The pages are picked from the PostgreSQL store with psql, the same way
# for every address: /, a story in the middle, the most-named company, its most frequent country with
# it, and 1,000 story pages spread (each request a random one of them). Usage:
#   tests/NewsReader.Benchmarks/Web/web-load-instances.sh http://127.0.0.1:5138 'postgresql://news:PW@127.0.0.1:5432/news' [seconds]
set -euo pipefail
BASE=$1
PG=$2
SECS=${3:-10}
HERE=$(cd "$(dirname "$0")" && pwd)

q() { psql "$PG" -Atc "$1"; }
STORY=$(q "SELECT slug FROM articles ORDER BY id LIMIT 1 OFFSET (SELECT count(*) / 2 FROM articles)")
COMPANY=$(q "SELECT e.slug FROM entities e JOIN articleentities l ON l.entityid = e.id WHERE e.kind = 0 GROUP BY e.id ORDER BY count(*) DESC, e.id LIMIT 1")
COUNTRY=$(q "SELECT k.slug FROM entities c JOIN articleentities lc ON lc.entityid = c.id JOIN articleentities lk ON lk.articleid = lc.articleid JOIN entities k ON k.id = lk.entityid AND k.kind = 1 WHERE c.slug = '$COMPANY' AND c.kind = 0 GROUP BY k.id ORDER BY count(*) DESC, k.id LIMIT 1")
N=$(q "SELECT count(*) FROM articles")

echo "# $(date -u +%FT%TZ) $BASE load average: $(cut -d' ' -f1-3 /proc/loadavg); $N stories; $SECS s per URL, 16 connections"
run() {
  curl -s -o /dev/null "$BASE$2"   # warm
  printf '%-26s %s\n' "$1" "$(wrk -t2 -c16 -d"${SECS}s" --timeout 30s -s "$HERE/wrk-lat.lua" "$BASE$2" | tail -1)"
}
run "/app.css (static file)" "/app.css"
run "/" "/"
run "/articles/{slug}" "/articles/$STORY"
run "/companies/{slug}" "/companies/$COMPANY"
run "/?company=&country=" "/?company=$COMPANY&country=$COUNTRY"
paths=$(mktemp)
q "SELECT '/articles/' || slug FROM articles WHERE deletedat IS NULL ORDER BY (id * 7919) % 100003 LIMIT 1000" > "$paths"
printf '%-26s %s\n' "/articles/ (1,000 pages)" "$(WRK_PATHS=$paths wrk -t2 -c16 -d"${SECS}s" --timeout 30s -s "$HERE/wrk-lat.lua" "$BASE" | tail -1)"
rm -f "$paths"
echo "# load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
