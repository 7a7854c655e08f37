#!/usr/bin/env bash
# PostgreSQL against SQLite, route by route, in the same minutes (issue 12 asks PostgreSQL to stay
# within 1.5× of SQLite on every row; this machine's speed drifts by a third between runs minutes
# apart, so two runs of load.sh one after the other can not tell). Starts two release servers of the
# app benchmark side by side on the data of `synergia seed --scale`, SQLite on port 18080 and
# PostgreSQL on 18081, then for each route of load.sh (Benchmarks/scripts/common.sh) and for the save
# mix runs wrk on both in turns, A B B A, so that a drift during the four runs counts against both
# alike; prints each database's mean rate and SQLite's rate over PostgreSQL's.
#
#   SYNERGIA_BENCH_DATABASE_URL=postgres://synergia:synergia@127.0.0.1:5432/synergia_bench bash Benchmarks/scripts/compare.sh
#   (DURATION=4s CONNECTIONS=32 THREADS=2 by default; the PostgreSQL database is emptied first)
set -euo pipefail
cd "$(dirname "$0")/../.."
postgres=${SYNERGIA_BENCH_DATABASE_URL:?set SYNERGIA_BENCH_DATABASE_URL to a PostgreSQL database the benchmark may empty}
source Benchmarks/scripts/common.sh 4s

work=$(mktemp -d)
pids=()
trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$work"' EXIT
env -u SYNERGIA_BENCH_DATABASE_URL SYNERGIA_BENCH_DB="$work/bench.sqlite" SYNERGIA_BENCH_PORT=18080 SYNERGIA_BENCH_SERVE=1 \
  "$bin" >"$work/sqlite.log" 2>&1 &
pids+=($!)
SYNERGIA_BENCH_DATABASE_URL=$postgres SYNERGIA_BENCH_PORT=18081 SYNERGIA_BENCH_SERVE=1 "$bin" >"$work/postgres.log" 2>&1 &
pids+=($!)
index=0
for name in sqlite postgres; do
  for _ in $(seq 1 1800); do
    grep -q '^ready' "$work/$name.log" && break
    kill -0 "${pids[$index]}" 2>/dev/null || { cat "$work/$name.log"; exit 1; }
    sleep 1
  done
  index=$((index + 1))
  grep -q '^ready' "$work/$name.log" || { cat "$work/$name.log"; exit 1; }
  sed -n 's/^writer //p' "$work/$name.log" >"$work/$name.writers"
done
field() { sed -n "s/^$2 //p" "$work/$1.log"; }

# rate NAME PATH SIGNED GZIP: requests per second of one wrk run on the server NAME; the run stops
# at any answer but 2xx/3xx and at any socket error (a fast error page must not count as speed).
rate() {
  local args=(-t"$threads" -c"$connections" -d"$duration" --timeout 10s -s Benchmarks/scripts/wrk-result.lua)
  [ "$3" = 1 ] && args+=(-H "Cookie: $(field "$1" cookie)")
  [ "$4" = 1 ] && args+=(-H "Accept-Encoding: gzip")
  wrk "${args[@]}" "$(field "$1" serving)${2/REPORT/$(field "$1" report)}" |
    awk -v where="$1 $2" '/^RESULT/ { if ($6 + $7 > 0) { print where ": " $6 " bad answers, " $7 " socket errors" > "/dev/stderr"; exit 1 } print $3 }'
}
# saves NAME: saves per second of the 16 writers on the server NAME (a run's first save of each
# writer may be a 409, its version being from the file; any other answer or error stops the run).
saves() {
  WRK_WRITERS=$work/$1.writers wrk -t16 -c16 -d"$duration" --timeout 10s -s Benchmarks/scripts/wrk-save.lua "$(field "$1" serving)/" |
    awk -v where="$1 saves" '/^RESULT/ { rate = $3; errors = $7 } /^SAVES/ { others = $4 }
      END { if (others + errors > 0) { print where ": " others " bad answers, " errors " socket errors" > "/dev/stderr"; exit 1 } print rate }'
}
# row LABEL COMMAND...: COMMAND run with sqlite, postgres, postgres, sqlite; one line of the table.
row() {
  local label=$1; shift
  local a1 b1 b2 a2
  a1=$("$@" sqlite); b1=$("$@" postgres); b2=$("$@" postgres); a2=$("$@" sqlite)
  awk -v l="$label" -v a1="$a1" -v a2="$a2" -v b1="$b1" -v b2="$b2" 'BEGIN {
    a = (a1 + a2) / 2; b = (b1 + b2) / 2
    printf "| %s | %.1f (%.1f, %.1f) | %.1f (%.1f, %.1f) | %.2f× |\n", l, a, a1, a2, b, b1, b2, a / b }'
}
route() { rate "$5" "$2" "$3" "$4"; }

bench_routes REPORT
echo "SQLite and PostgreSQL in turns (A B B A); wrk -t$threads -c$connections -d$duration, $(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ)"
echo
echo "| request | SQLite req/s (runs) | PostgreSQL req/s (runs) | SQLite ÷ PostgreSQL |"
echo "| --- | ---: | ---: | ---: |"
for entry in "${routes[@]}"; do
  IFS='|' read -r label path signed gzip <<<"$entry"
  row "$label (\`${path/REPORT//reports/ID}\`)" route "$label" "$path" "$signed" "$gzip"
done
row "saves, 16 writers" saves
