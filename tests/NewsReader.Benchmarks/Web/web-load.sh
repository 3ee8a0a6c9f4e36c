#!/usr/bin/env bash
# Load test of the reader (issue 5): wrk at 16 connections against /, a story page, a company page,
# a company + country filter, and /?q= with a selective and a common two-word query, each next to
# the bare FTS5 query's cost (MATCH ... ORDER BY bm25 LIMIT 20 with snippet(), timed in sqlite3).
# The app must already run over DB (see docs/performance.md). Usage:
#   tests/NewsReader.Benchmarks/Web/web-load.sh http://127.0.0.1:5055 /tmp/web100k/news.db [seconds]
set -euo pipefail
BASE=$1
DB=$2
SECS=${3:-10}
HERE=$(cd "$(dirname "$0")" && pwd)

q() { sqlite3 -readonly "$DB" "$1"; }
# A story in the middle of the list, the most-named company and a country it appears with.
STORY=$(q "SELECT Slug FROM Articles ORDER BY Id LIMIT 1 OFFSET (SELECT count(*) / 2 FROM Articles)")
COMPANY=$(q "SELECT e.Slug FROM Entities e JOIN ArticleEntities l ON l.EntityId = e.Id WHERE e.Kind = 0 GROUP BY e.Id ORDER BY count(*) DESC LIMIT 1")
COUNTRY=$(q "SELECT k.Slug FROM Entities c JOIN ArticleEntities lc ON lc.EntityId = c.Id JOIN ArticleEntities lk ON lk.ArticleId = lc.ArticleId JOIN Entities k ON k.Id = lk.EntityId AND k.Kind = 1 WHERE c.Slug = '$COMPANY' AND c.Kind = 0 GROUP BY k.Id ORDER BY count(*) DESC LIMIT 1")
# Query words from the index's vocabulary, picked as the store benchmarks do: common = both words in
# 10-40 % of stories; selective = a word in 0.1-1 % with a common one.
VOCAB="CREATE VIRTUAL TABLE temp.v USING fts5vocab(main, articles_fts, row);"
N=$(q "SELECT count(*) FROM Articles")
COMMON=$(q "$VOCAB SELECT term FROM temp.v WHERE doc BETWEEN $N/10 AND $N*4/10 AND length(term) >= 4 AND term NOT GLOB '*[^a-z]*' ORDER BY (doc * 7919) % 10007, term LIMIT 2" | paste -sd' ')
RARE=$(q "$VOCAB SELECT term FROM temp.v WHERE doc BETWEEN $N/1000 AND $N/100 AND length(term) >= 4 AND term NOT GLOB '*[^a-z]*' ORDER BY (doc * 7919) % 10007, term LIMIT 1")
SELECTIVE="$RARE ${COMMON%% *}"

bare() { # p50/p95 of 20 runs of the bare query for two words
  local match="\"$1\" \"$2\""
  for _ in $(seq 20); do echo ".timer on"; echo "SELECT rowid, snippet(articles_fts, -1, '[', ']', '…', 24) FROM articles_fts WHERE articles_fts MATCH '$match' ORDER BY bm25(articles_fts) LIMIT 20;"; done \
    | sqlite3 -readonly "$DB" | sed -n 's/^Run Time: real \([0-9.]*\).*/\1/p' | sort -n \
    | awk '{ a[NR] = $1 * 1000 } END { printf "bare FTS5 p50 %.1f ms, p95 %.1f ms\n", a[int(NR * 0.5 + 0.5)], a[int(NR * 0.95 + 0.5)] }'
}

echo "# $(date -u +%FT%TZ) load average: $(cut -d' ' -f1-3 /proc/loadavg); $N stories; $SECS s per URL, 16 connections"
run() {
  curl -s -o /dev/null "$BASE$2"   # warm
  printf '%-28s %s\n' "$1" "$(wrk -t2 -c16 -d"${SECS}s" --timeout 30s -s "$HERE/wrk-lat.lua" "$BASE$2" | tail -1)"
}
run "/app.css (static file)" "/app.css"   # what the machine gives any request right now
run "/" "/"
run "/articles/{slug}" "/articles/$STORY"
run "/companies/{slug}" "/companies/$COMPANY"
run "/?company=&country=" "/?company=$COMPANY&country=$COUNTRY"
run "/?q= selective ($SELECTIVE)" "/?q=${SELECTIVE// /+}"
echo "    $(bare $SELECTIVE)"
run "/?q= common ($COMMON)" "/?q=${COMMON// /+}"
echo "    $(bare $COMMON)"
# The same kinds of page spread over thousands of different ones: each request is most likely the
# first for its page since the store last changed, so it is built rather than found in the read cache.
spread() {
  local paths; paths=$(mktemp)
  q "$2" > "$paths"
  printf '%-28s %s\n' "$1" "$(WRK_PATHS=$paths wrk -t2 -c16 -d"${SECS}s" --timeout 30s -s "$HERE/wrk-lat.lua" "$BASE" | tail -1)"
  rm -f "$paths"
}
spread "/articles/ (5,000 pages)" "SELECT '/articles/' || Slug FROM Articles WHERE DeletedAt IS NULL ORDER BY (Id * 7919) % 100003 LIMIT 5000"
spread "/companies/ (2,000 pages)" "SELECT '/companies/' || Slug FROM Entities WHERE Kind = 0 AND IsHidden = 0 ORDER BY (Id * 7919) % 100003 LIMIT 2000"
echo "# load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
