#!/usr/bin/env bash
# Many clients at once (issue 12): wrk (Debian's package) against the release server of the app
# benchmark on the data of `synergia seed --scale`, every route of the table in BENCHMARKS.md,
# the static file measured in the same run, then the save mix (16 writers), the resident memory
# after all of it, and a cold start on the same data. Prints a Markdown table: requests per
# second, p50, p99, errors (non-2xx/3xx answers and sockets that failed or waited over 10 s),
# bytes per response on the wire and each route's share of the static file's rate. Each route is
# first asked for once, alone: that time ("first") is what the first reader after a write waits
# for; the timed run that follows is the steady state.
#
# Pages are asked for as a browser does, accepting gzip; the static file, the reference, is
# asked for without (so no share is flattered by the reference's compression).
#
#   bash Benchmarks/scripts/load.sh            # SQLite; DURATION=8s CONNECTIONS=32 THREADS=2 by default
#   SYNERGIA_BENCH_DATABASE_URL=postgres://synergia:synergia@127.0.0.1:5432/synergia_bench bash Benchmarks/scripts/load.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
source Benchmarks/scripts/common.sh 8s
writers_count=16

work=$(mktemp -d)
log=$work/server.log
export SYNERGIA_BENCH_DB=$work/bench.sqlite
pid=""
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$work"' EXIT
SYNERGIA_BENCH_SERVE=1 "$bin" >"$log" 2>&1 &
pid=$!
for _ in $(seq 1 1800); do
  grep -q '^ready' "$log" && break
  kill -0 "$pid" 2>/dev/null || { cat "$log"; exit 1; }
  sleep 1
done
grep -q '^ready' "$log" || { cat "$log"; exit 1; }
base=$(sed -n 's/^serving //p' "$log")
cookie=$(sed -n 's/^cookie //p' "$log")
report=$(sed -n 's/^report //p' "$log")
sed -n 's/^writer //p' "$log" >"$work/writers"

bench_routes "$report"

database=SQLite
[ -n "${SYNERGIA_BENCH_DATABASE_URL:-}" ] && database=PostgreSQL
echo "$database; wrk -t$threads -c$connections -d$duration, $(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ)"
echo
echo "| request | first (ms) | req/s | p50 (ms) | p99 (ms) | errors | bytes | share of the static file |"
echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
static=""
for entry in "${routes[@]}"; do
  IFS='|' read -r label path signed gzip <<<"$entry"
  args=(-t"$threads" -c"$connections" -d"$duration" --timeout 10s -s Benchmarks/scripts/wrk-result.lua)
  [ "$signed" = 1 ] && args+=(-H "Cookie: $cookie")
  [ "$gzip" = 1 ] && args+=(-H "Accept-Encoding: gzip")
  # One request first, alone (what the first reader after a write waits for); then the timed run.
  curl_args=(-s -o /dev/null -w '%{time_total}')
  [ "$signed" = 1 ] && curl_args+=(-H "Cookie: $cookie")
  [ "$gzip" = 1 ] && curl_args+=(-H "Accept-Encoding: gzip")
  first=$(curl "${curl_args[@]}" "$base$path" | awk '{ printf "%.1f", $1 * 1000 }')
  read -r _ _ rate p50 p99 status errors bytes < <(wrk "${args[@]}" "$base$path" | grep '^RESULT')
  [ -z "$static" ] && static=$rate
  share=$(awk -v r="$rate" -v s="$static" 'BEGIN { printf "%.1f %%", 100 * r / s }')
  echo "| $label (\`$(echo "$path" | sed -E 's#/reports/[0-9A-Fa-f-]+#/reports/ID#')\`) | $first | $rate | $p50 | $p99 | $((status + errors)) | $bytes | $share |"
done

# The signed-in /healthz against the anonymous one, in turns (three 4 s runs of each, one after
# the other), so the machine's drift from one run to the next counts against both alike.
anonymous_runs=(); signed_runs=()
for _ in 1 2 3; do
  anonymous_runs+=("$(wrk -t"$threads" -c"$connections" -d4s -s Benchmarks/scripts/wrk-result.lua "$base/healthz" | awk '/^RESULT/ { print $3 }')")
  signed_runs+=("$(wrk -t"$threads" -c"$connections" -d4s -s Benchmarks/scripts/wrk-result.lua -H "Cookie: $cookie" "$base/healthz" | awk '/^RESULT/ { print $3 }')")
done
median() { printf '%s\n' "$@" | sort -n | sed -n 2p; }
healthz_anonymous=$(median "${anonymous_runs[@]}")
healthz_signed=$(median "${signed_runs[@]}")
healthz_line="Signed-in \`/healthz\` against the anonymous one, in turns (medians of three 4 s runs each: ${signed_runs[*]} against ${anonymous_runs[*]} req/s): $(awk -v a="$healthz_signed" -v b="$healthz_anonymous" 'BEGIN { printf "%.1f %%", 100 * a / b }')."

# The save mix: 16 writers at once, each on its own question of its own Party's report; three
# runs, the median one shown (the machine drifts between runs). A run after the first starts from
# the versions in the file, so each writer's first save there is a conflict (409, counted as a
# conflict, not an error), and it goes on from the version the conflict names. Errors: any other
# answer, and sockets that failed or timed out.
save_runs=()
for run in 1 2 3; do
  WRK_WRITERS=$work/writers wrk -t$writers_count -c$writers_count -d"$duration" --timeout 10s -s Benchmarks/scripts/wrk-save.lua "$base/" >"$work/saves-$run"
  save_runs+=("$(awk '/^RESULT/ { print $3 }' "$work/saves-$run") $run")
done
median_run=$(printf '%s\n' "${save_runs[@]}" | sort -n | sed -n 2p | awk '{ print $2 }')
read -r _ _ rate p50 p99 status errors bytes < <(grep '^RESULT' "$work/saves-$median_run")
read -r _ saved conflicts others < <(grep '^SAVES' "$work/saves-$median_run")
save_rates=$(printf '%s\n' "${save_runs[@]}" | awk '{ printf "%s%s", sep, $1; sep = ", " }')
echo "| saves, $writers_count writers (\`PUT /api/v1/reports/ID/answers/QUESTION\`; median of three runs: $save_rates) | | $rate | $p50 | $p99 | $((others + errors)) | $bytes | $saved saved, $conflicts conflicts, $others other |"

# The signed-in report page while the save mix runs: every save moves the generations on, so the
# page kept for its reader is rendered again after each one (what a deadline day looks like).
WRK_WRITERS=$work/writers wrk -t$writers_count -c$writers_count -d"$duration" --timeout 10s -s Benchmarks/scripts/wrk-save.lua "$base/" >"$work/saves-during" &
savers=$!
read -r _ _ rate p50 p99 status errors bytes < <(wrk -t"$threads" -c"$connections" -d"$duration" --timeout 10s -s Benchmarks/scripts/wrk-result.lua \
  -H "Cookie: $cookie" -H "Accept-Encoding: gzip" "$base$report" | grep '^RESULT')
wait "$savers"
read -r _ _ save_rate _ save_p99 _ _ _ < <(grep '^RESULT' "$work/saves-during")
share=$(awk -v r="$rate" -v s="$static" 'BEGIN { printf "%.1f %%", 100 * r / s }')
echo "| report page, signed in, while the $writers_count writers save ($save_rate saves/s, p99 $save_p99 ms) | | $rate | $p50 | $p99 | $((status + errors)) | $bytes | $share |"

rss=$(awk '/^VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$pid/status")
echo
echo "$healthz_line"
echo
echo "Resident memory of the server after the run: $rss MB."
kill "$pid"; wait "$pid" 2>/dev/null || true; pid=""

# Cold start: a new process on the same (migrated, seeded) database, to the first served home page.
port=$(sed -n 's|.*127\.0\.0\.1:\([0-9]*\).*|\1|p' <<<"$base")
start=$(date +%s%N)
SYNERGIA_BENCH_COLD=1 "$bin" >"$log" 2>&1 &
pid=$!
until curl -fs -o /dev/null "http://127.0.0.1:$port/"; do
  kill -0 "$pid" 2>/dev/null || { cat "$log"; exit 1; }
  sleep 0.01
done
end=$(date +%s%N)
echo "Cold start to the first served home page: $(( (end - start) / 1000000 )) ms."
